// Loads Prisma's WebAssembly schema engine and runs one job with it through
// a driver adapter, closing every connection it opened afterwards.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type ErrorRegistry,
  mockAdapter,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

export async function withSchemaEngine<T>(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadSchemaEngineModule();
  const { factory, disposeAll } = trackConnections(adapter);
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  let engine: SchemaEngine | undefined;
  try {
    // The engine logs JSON lines through this callback; they stay silent.
    engine = await SchemaEngine.new({ datamodels: undefined }, () => {}, bound);
    return await run(engine);
  } catch (error) {
    throw readableError(error, bound.errorRegistry);
  } finally {
    engine?.free();
    await disposeAll();
  }
}

// Freeing the engine leaves its connections open (and SQLite files
// locked), so every connection it asked for is closed here.
function trackConnections(adapter: SqlMigrationAwareDriverAdapterFactory) {
  const connections: SqlDriverAdapter[] = [];
  const track = async (connect: () => Promise<SqlDriverAdapter>) => {
    const connection = await connect();
    connections.push(connection);
    return connection;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    connect: () => track(() => adapter.connect()),
    connectToShadowDb: () => track(() => adapter.connectToShadowDb()),
  };
  const disposeAll = () =>
    Promise.allSettled(connections.map((each) => each.dispose()));
  return { factory, disposeAll };
}

/**
 * An adapter for jobs that never touch a database, such as diffing two
 * schema texts. The PostgreSQL engine still asks the server's version
 * first; it is told 15, the oldest version Parley is tested on.
 */
export function offlineAdapterFactory(
  provider: "sqlite" | "postgres",
): SqlMigrationAwareDriverAdapterFactory {
  const connect = async () => {
    const adapter = mockAdapter(provider);
    const queryRaw = adapter.queryRaw;
    adapter.queryRaw = async (query) => {
      if (!query.sql.includes("server_version_num")) return queryRaw(query);
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [
          ColumnTypeEnum.Boolean,
          ColumnTypeEnum.Text,
          ColumnTypeEnum.Int32,
        ],
        rows: [[true, "PostgreSQL 15.0", 150000]],
      };
    };
    adapter.dispose = async () => {};
    return adapter;
  };
  return {
    provider,
    adapterName: "@prisma/adapter-mock",
    connect,
    connectToShadowDb: connect,
  };
}

// An error thrown inside the adapter reaches the engine as "External error
// id#N"; the original (e.g. SQLITE_CANTOPEN) waits in the adapter's registry.
function readableError(error: unknown, registry: ErrorRegistry) {
  let cause = error;
  const message = engineMessage(error).replace(
    /External error id#(\d+)/,
    (text, id: string) => {
      const original = registry.consumeError(Number(id))?.error;
      if (original === undefined) return text;
      cause = original;
      return original instanceof Error ? original.message : String(original);
    },
  );
  if (error instanceof Error && message === error.message) return error;
  return new Error(message, { cause });
}

/** The engine's message without its Rust span trace. */
export function engineMessage(error: unknown) {
  if (error instanceof WebAssembly.RuntimeError && lastPanic) {
    return `schema engine panicked: ${lastPanic}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/\n\s+0: /)[0]?.trim() ?? message;
}

type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm");
let schemaEngineModule: Promise<SchemaEngineModule> | undefined;
let lastPanic: string | undefined;

// The package entry imports its `.wasm` as an ES module, which Node 20
// cannot do, and `exports` hides the file: the bindings are instantiated by
// hand next to the resolved entry, once per process.
function loadSchemaEngineModule() {
  schemaEngineModule ??= (async () => {
    const require = createRequire(path.resolve("package.json"));
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bindingsUrl = pathToFileURL(path.join(dir, "schema_engine_bg.js"));
    // Resolved at run time, so bundlers must leave this import alone.
    const bindings = await import(
      /* webpackIgnore: true */ /* turbopackIgnore: true */ bindingsUrl.href
    );
    const wasm = readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), {
      "./schema_engine_bg.js": bindings,
    });
    // The bindings report a Rust panic here, then throw "unreachable".
    Object.assign(globalThis, {
      PRISMA_WASM_PANIC_REGISTRY: {
        set_message: (message: string) => {
          lastPanic = message;
        },
      },
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings as SchemaEngineModule;
  })();
  return schemaEngineModule;
}
