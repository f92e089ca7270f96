import type { LanguageFn } from "highlight.js";
import hljs from "highlight.js/lib/core";

type Grammar = () => Promise<{ default: LanguageFn }>;

// One chunk per grammar, fetched the first time a fence names it.
const grammars: Record<string, Grammar> = {
  bash: () => import("highlight.js/lib/languages/bash"),
  c: () => import("highlight.js/lib/languages/c"),
  cpp: () => import("highlight.js/lib/languages/cpp"),
  csharp: () => import("highlight.js/lib/languages/csharp"),
  css: () => import("highlight.js/lib/languages/css"),
  diff: () => import("highlight.js/lib/languages/diff"),
  dockerfile: () => import("highlight.js/lib/languages/dockerfile"),
  go: () => import("highlight.js/lib/languages/go"),
  ini: () => import("highlight.js/lib/languages/ini"),
  java: () => import("highlight.js/lib/languages/java"),
  javascript: () => import("highlight.js/lib/languages/javascript"),
  json: () => import("highlight.js/lib/languages/json"),
  kotlin: () => import("highlight.js/lib/languages/kotlin"),
  lua: () => import("highlight.js/lib/languages/lua"),
  makefile: () => import("highlight.js/lib/languages/makefile"),
  markdown: () => import("highlight.js/lib/languages/markdown"),
  php: () => import("highlight.js/lib/languages/php"),
  powershell: () => import("highlight.js/lib/languages/powershell"),
  python: () => import("highlight.js/lib/languages/python"),
  r: () => import("highlight.js/lib/languages/r"),
  ruby: () => import("highlight.js/lib/languages/ruby"),
  rust: () => import("highlight.js/lib/languages/rust"),
  scss: () => import("highlight.js/lib/languages/scss"),
  sql: () => import("highlight.js/lib/languages/sql"),
  swift: () => import("highlight.js/lib/languages/swift"),
  typescript: () => import("highlight.js/lib/languages/typescript"),
  xml: () => import("highlight.js/lib/languages/xml"),
  yaml: () => import("highlight.js/lib/languages/yaml"),
};

const aliases: Record<string, string> = {
  cjs: "javascript",
  cs: "csharp",
  "c#": "csharp",
  "c++": "cpp",
  docker: "dockerfile",
  golang: "go",
  h: "c",
  hpp: "cpp",
  html: "xml",
  js: "javascript",
  jsx: "javascript",
  make: "makefile",
  md: "markdown",
  mjs: "javascript",
  patch: "diff",
  ps1: "powershell",
  py: "python",
  rb: "ruby",
  rs: "rust",
  sh: "bash",
  shell: "bash",
  svg: "xml",
  toml: "ini",
  ts: "typescript",
  tsx: "typescript",
  yml: "yaml",
  zsh: "bash",
};

function grammarName(language: string): string | undefined {
  const name = language.toLowerCase();
  const canonical = aliases[name] ?? name;
  return canonical in grammars ? canonical : undefined;
}

/** Highlighted HTML, or undefined until the grammar is loaded. */
export function highlight(code: string, language: string): string | undefined {
  const name = grammarName(language);
  if (!name || !hljs.getLanguage(name)) return undefined;
  // highlight.js escapes the code it is given; its output holds only spans.
  return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
}

/** Registers the grammar; false when Parley has none for this language. */
export async function loadLanguage(language: string): Promise<boolean> {
  const name = grammarName(language);
  const grammar = name ? grammars[name] : undefined;
  if (!name || !grammar) return false;
  if (!hljs.getLanguage(name))
    hljs.registerLanguage(name, (await grammar()).default);
  return true;
}
