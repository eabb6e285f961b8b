// Validate one glTF/GLB file with the Khronos glTF validator and print its JSON report.
// Usage: node tools/gltf/validate.mjs path/to/scene.glb
// Exit code: 0 when the report has no errors, 1 when it has, 2 on bad usage or unreadable input.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import validator from "gltf-validator";

const path = process.argv[2];
if (!path) {
  console.error("usage: node validate.mjs FILE.glb");
  process.exit(2);
}
try {
  const report = await validator.validateBytes(new Uint8Array(readFileSync(path)), {
    uri: basename(path),
    maxIssues: 0, // report every issue, not the first 100
    writeTimestamp: false,
  });
  console.log(JSON.stringify(report, null, 2));
  process.exit(report.issues.numErrors > 0 ? 1 : 0);
} catch (error) {
  console.error(`${path}: ${error}`);
  process.exit(2);
}
