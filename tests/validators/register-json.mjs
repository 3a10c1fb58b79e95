// Preloaded with `node --import ./register-json.mjs`: installs json-loader.mjs before any package is imported.
import { register } from "node:module";

register("./json-loader.mjs", import.meta.url);
