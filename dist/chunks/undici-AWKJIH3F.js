import{createRequire as __fixlineRequire}from'node:module';const require=__fixlineRequire(import.meta.url);
import{a}from"./chunk-356OYFBZ.js";import"./chunk-QEYVAOUP.js";export default a();
