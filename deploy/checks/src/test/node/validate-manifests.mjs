// Validates rendered Kubernetes manifests (multi-document YAML, as `kubectl kustomize` prints them)
// against the Kubernetes JSON schemas shipped in kubernetes-models, offline.
//   node validate-manifests.mjs rendered.yaml [more.yaml ...]
// Prints one line per document ("ok", "skipped" for kinds it has no schema for, e.g. Strimzi's KafkaTopic,
// or "invalid" with the schema errors) and exits 1 if any document is invalid or unknown to it.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

// Custom resources the manifests may contain and kubernetes-models has no schema for; their fields are
// checked by the Java tests in deploy/checks instead.
const CUSTOM = new Set(["kafka.strimzi.io/v1beta2/KafkaTopic"]);

let failures = 0;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      console.log(`invalid ${file}: ${document.errors.map((e) => e.message).join("; ")}`);
      failures++;
      continue;
    }
    const manifest = document.toJS();
    if (manifest == null) {
      continue;
    }
    const { apiVersion, kind } = manifest;
    const name = `${apiVersion}/${kind} ${manifest.metadata?.name}`;
    if (CUSTOM.has(`${apiVersion}/${kind}`)) {
      console.log(`skipped ${name} (custom resource)`);
      continue;
    }
    let model;
    try {
      const module = await import(`kubernetes-models/${apiVersion}`);
      model = module[kind];
    }
    catch {
      model = undefined;
    }
    if (typeof model !== "function") {
      console.log(`invalid ${name}: no schema for this apiVersion and kind`);
      failures++;
      continue;
    }
    try {
      new model(manifest).validate();
      console.log(`ok ${name}`);
    }
    catch (error) {
      console.log(`invalid ${name}: ${error.message.replace(/\s+/g, " ")}`);
      failures++;
    }
  }
}
process.exit(failures === 0 ? 0 : 1);
