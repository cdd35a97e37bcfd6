/**
 * Preloaded into `astro dev` by `npm run dev` (`node --import`): the
 * allocator settings of native-allocator.ts, set in this process's
 * environment before Vite's bundler and Astro's compiler load, which is
 * when their allocator reads them. The build gives them to its Astro
 * process directly (scripts/build.ts).
 */
import { allocatorSettings } from "./native-allocator.ts";

Object.assign(process.env, allocatorSettings(process.env));
