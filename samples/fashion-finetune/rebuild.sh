#!/usr/bin/env bash
# Rebuilds the fine-tuning lesson's samples from the shipped Fashion-MNIST subset, offline:
#   1. writes the three project files (engine/src/test/java/.../finetune/FashionFineTuneSamples.java
#      builds them as Project objects and saves them canonically);
#   2. trains fashion-pretrain (classes 0-4) into samples/fashion-pretrain/model/, whose model.zip
#      fashion-finetune starts from ("weightsFrom");
#   3. trains fashion-finetune and fashion-scratch (classes 5-9, 298 images) into runs/ and prints
#      the three test accuracies, which the project descriptions record.
# Each step is the command line's `train`, the same as
#   ./workbench train samples/fashion-pretrain/fashion-pretrain.bpw.json --out samples/fashion-pretrain/model
# The runs are deterministic (seed 42): rebuilding gives the same weights and accuracies on the same
# machine; another CPU may differ in the last digits of float sums.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

mvn -q -B -pl engine test-compile dependency:build-classpath -Dmdep.outputFile=target/finetune-classpath.txt >&2
CP="engine/target/classes:engine/target/test-classes:$(cat engine/target/finetune-classpath.txt)"
# The launcher's ND4J settings (shared/FIELD-NOTES.md): one OpenMP thread, no JavaCPP pointer GC.
export OMP_NUM_THREADS=1
JAVA=(java -Dorg.bytedeco.javacpp.nopointergc=true -Dorg.bytedeco.javacpp.maxphysicalbytes=0
      -Dorg.bytedeco.javacpp.maxbytes=0 -cp "$CP")
workbench() { "${JAVA[@]}" org.backprop.engine.cli.WorkbenchCli "$@"; }

"${JAVA[@]}" org.backprop.engine.finetune.FashionFineTuneSamples samples
workbench train samples/fashion-pretrain/fashion-pretrain.bpw.json --out samples/fashion-pretrain/model --no-progress
workbench train samples/fashion-finetune/fashion-finetune.bpw.json --out runs/fashion-finetune --no-progress
workbench train samples/fashion-scratch/fashion-scratch.bpw.json --out runs/fashion-scratch --no-progress

echo
for run in samples/fashion-pretrain/model runs/fashion-finetune runs/fashion-scratch; do
  printf '%-32s %s\n' "$run" "$(grep -o 'test accuracy [0-9.]*%' "$run/summary.txt")"
done
