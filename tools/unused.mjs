#!/usr/bin/env node
// Finds what the project declares but never uses: exports that no other file
// imports or references, and package.json dependencies that no file names.
// Part of `npm test`; exits 1 and lists each finding.
//
// Exports: every TypeScript and JavaScript file of the project is loaded
// into the TypeScript language service, and each export of a file under
// src/ or tools/ must be referenced somewhere: from another file (tests
// count: a helper exported for its test is used) or in its own file. Entry
// points are exempt: their exports are read by the bundler or a script.
//
// Dependencies: each must be imported, or named by a script, a config file or
// a path in the project's files; the few used only indirectly are listed
// below with the reason.
import ts from "typescript";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const rel = (f) => path.relative(ROOT, f).split(path.sep).join("/");

/** Files whose exports are read by something other than an import (the bundler, a script, the browser). */
const ENTRY_POINTS = new Set([
  "bench/core-entry.ts", // bundled for bench/run.mjs
  "tools/data/index.ts", // bundled for build.mjs
  "tools/lookup.ts", // the lookup command
]);

/** Dependencies no file imports by name, and why they are needed all the same. */
const INDIRECT_DEPENDENCIES = {
  "@swc/core": "the compiler @swc/jest loads",
  "jest-environment-jsdom": "the environment named by `@jest-environment jsdom` in UI tests",
};

const SKIP_DIRS = new Set(["node_modules", "dist", ".cache", ".git", "coverage", "artifacts", "results"]);
const CODE = /\.(ts|tsx|mts|mjs|cjs|js)$/;

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name) || entry.name.startsWith(".") && entry.name !== ".ci") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const allFiles = walk(ROOT);
const codeFiles = allFiles.filter((f) => CODE.test(f) && !f.endsWith(".d.ts") && !rel(f).startsWith("src/data/"));

function unusedExports() {
  const files = codeFiles.concat(allFiles.filter((f) => f.endsWith(".d.ts") || f.endsWith(".d.mts")));
  const options = {
    allowJs: true, checkJs: false, noEmit: true, jsx: ts.JsxEmit.ReactJSX, jsxImportSource: "preact",
    module: ts.ModuleKind.Preserve, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022,
    resolveJsonModule: true, skipLibCheck: true, types: [],
  };
  const versions = new Map(files.map((f) => [f, "1"]));
  const host = {
    getScriptFileNames: () => files,
    getScriptVersion: (f) => versions.get(f) ?? "1",
    getScriptSnapshot: (f) => (fs.existsSync(f) ? ts.ScriptSnapshot.fromString(fs.readFileSync(f, "utf8")) : undefined),
    getCurrentDirectory: () => ROOT,
    getCompilationSettings: () => options,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const program = service.getProgram();
  const checker = program.getTypeChecker();
  const findings = [];
  for (const file of codeFiles) {
    const name = rel(file);
    if (!/^(src|tools)\//.test(name) || ENTRY_POINTS.has(name) || name.endsWith(".mjs") && name.startsWith("tools/") && !name.startsWith("tools/i18n/")) continue;
    // A JavaScript module with a hand-written declaration beside it is imported through that declaration.
    const declared = file.replace(/\.mjs$/, ".d.mts");
    const checked = declared !== file && fs.existsSync(declared) ? declared : file;
    const source = program.getSourceFile(checked);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) continue;
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      const decl = symbol.declarations?.[0];
      if (!decl || decl.getSourceFile() !== source) continue; // re-exports are checked where they are declared
      const node = ts.getNameOfDeclaration(decl) ?? decl;
      const refs = (service.findReferences(checked, node.getStart()) ?? []).flatMap((r) => r.references);
      // Used by another file, or used in its own file beyond the declaration (exporting it then costs nothing).
      const used = refs.some((x) => (x.fileName !== file && x.fileName !== checked) || !x.isDefinition);
      if (!used) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        findings.push(`${name}:${line + 1} export "${symbol.getName()}" is used nowhere (neither by another file nor in its own)`);
      }
    }
  }
  return findings;
}

function unusedDependencies() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
  const texts = allFiles
    .filter((f) => /\.(ts|tsx|mts|mjs|cjs|js|json|html|css|md)$/.test(f) || rel(f) === ".ci/run")
    .filter((f) => !["package.json", "package-lock.json"].includes(rel(f)) && !rel(f).startsWith("src/data/") && !rel(f).startsWith("docs/"))
    .map((f) => fs.readFileSync(f, "utf8"));
  const scripts = Object.values(pkg.scripts ?? {}).join("\n");
  const haystack = `${texts.join("\n")}\n${scripts}`;
  const bins = (dep) => {
    try {
      const meta = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", dep, "package.json"), "utf8"));
      return typeof meta.bin === "string" ? [dep.split("/").pop()] : Object.keys(meta.bin ?? {});
    } catch {
      return [];
    }
  };
  const named = (word) => new RegExp(`(^|[^\\w@/.-])${word.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}([^\\w-]|$)`, "m").test(haystack);
  const findings = [];
  for (const dep of deps) {
    if (dep in INDIRECT_DEPENDENCIES) continue;
    // @types/x is used when x is, or when x is a built-in listed in tsconfig's "types".
    const subject = dep.startsWith("@types/") ? dep.slice("@types/".length).replace(/^(.*)__(.*)$/, "@$1/$2") : dep;
    const quoted = new RegExp(`["'\`/]${subject.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(["'\`/]|$)`, "m").test(haystack);
    if (quoted || bins(dep).some(named)) continue;
    findings.push(`package.json: dependency "${dep}" is not used by any file, script or config`);
  }
  return findings;
}

const findings = [...unusedExports(), ...unusedDependencies()];
if (findings.length > 0) {
  for (const f of findings) console.error(`✗ ${f}`);
  console.error(`${findings.length} unused export(s) or dependenc(ies)`);
  process.exit(1);
}
console.log(`no unused exports in src/ and tools/, no unused dependencies (${codeFiles.length} files)`);
