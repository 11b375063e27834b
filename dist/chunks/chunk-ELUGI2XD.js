import{createRequire as __fixlineRequire}from'node:module';const require=__fixlineRequire(import.meta.url);
import{g as i}from"./chunk-C43XD3OM.js";import{a as e}from"./chunk-QEYVAOUP.js";function s(t,r){return{marker:r,author:t.botLogin,warn:e(n=>t.log.warning(n),"warn")}}e(s,"commentIdentity");function u(t,r){return{job:t,results:[],createdPullRequests:[],conclusion:"skipped",summary:`fixline (${t}): ${i(r,2e3)}
`}}e(u,"skipped");export{s as a,u as b};
