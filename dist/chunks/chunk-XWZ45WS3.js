import{createRequire as __fixlineRequire}from'node:module';const require=__fixlineRequire(import.meta.url);
import{a as r}from"./chunk-QEYVAOUP.js";var n=class extends Error{constructor(t,i,a){super(`${t} is not valid:
${i.map(e=>`  - ${e.path||"(top level)"}: ${e.message}`).join(`
`)}`,a);this.file=t;this.problems=i}file;problems;static{r(this,"ConfigError")}name="ConfigError"};export{n as a};
