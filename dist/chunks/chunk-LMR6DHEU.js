import{createRequire as __fixlineRequire}from'node:module';const require=__fixlineRequire(import.meta.url);
import{a as t}from"./chunk-QEYVAOUP.js";function s(){return{out:t(r=>{process.stdout.write(r)},"out"),err:t(r=>{process.stderr.write(r)},"err"),cwd:process.cwd()}}t(s,"processIO");var o={ok:0,failures:1,usage:2,internal:3};export{s as a,o as b};
