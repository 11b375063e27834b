import{createRequire as __fixlineRequire}from'node:module';const require=__fixlineRequire(import.meta.url);
