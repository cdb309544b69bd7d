#!/usr/bin/env bash
# The quality table: for each seed, simulate a default-size fleet, train on its history, evaluate on
# its test period. Seeds 101-105 are the project's held-back seeds (never tuned on).
#   eng/evaluate.sh [seed ...]        (default: 101 102 103 104 105)
# Writes .build/evaluate/<seed>/{report.md,report.json,curves.html} and prints a summary table.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seeds=("$@")
[ ${#seeds[@]} -eq 0 ] && seeds=(101 102 103 104 105)
out="$repo/.build/evaluate"
mkdir -p "$out"
for seed in "${seeds[@]}"; do
  d="$out/$seed"
  rm -rf "$d" && mkdir -p "$d"
  "$repo/detector" simulate --out "$d/data" --seed "$seed" >/dev/null
  "$repo/detector" train --input "$d/data/history.jsonl" --model "$d/model" >/dev/null
  "$repo/detector" evaluate --input "$d/data/events.jsonl" --labels "$d/data/labels.jsonl" \
    --model "$d/model" --history "$d/data/history.jsonl" --report "$d" >/dev/null
  rm -rf "$d/data"
  echo "seed $seed done" >&2
done
python3 - "$out" "${seeds[@]}" <<'PY'
import json, sys
out, seeds = sys.argv[1], sys.argv[2:]
reports = {s: json.load(open(f"{out}/{s}/report.json")) for s in seeds}
def f(v): return "n/a" if v is None else f"{v:.3f}"
print("| seed | benign | ROC AUC | recall@1%FPR | benign flags /1000 | chains flagged early | rollout flagged | worst scenario recall |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
for s, r in reports.items():
    m = r["model"]
    scen = [x for x in r["scenarios"] if x["scenario"] not in r.get("apart_scenarios", [])]
    worst = min(scen, key=lambda x: x["model"]["recall"] or 0)
    print(f"| {s} | {r['benign_sessions']} | {f(m['roc_auc'])} | {f(m['recall_at_1pct_fpr'])} | {r['model_benign_flags_per_1000']:.2f} | "
          f"{f(m.get('flagged_before_final_step'))} | {r['rollout_sessions_flagged']} of {r['rollout_sessions']} | {worst['scenario']} {f(worst['model']['recall'])} |")
names = sorted({x["scenario"] for r in reports.values() for x in r["scenarios"]})
print()
print("| scenario | " + " | ".join(f"recall {s}" for s in seeds) + " | mean AUC |")
print("| --- | " + " | ".join("---:" for _ in seeds) + " | ---: |")
for n in names:
    rows = [next((x for x in reports[s]["scenarios"] if x["scenario"] == n), None) for s in seeds]
    aucs = [x["model"]["roc_auc"] for x in rows if x and x["model"]["roc_auc"] is not None]
    print(f"| {n} | " + " | ".join(f(x["model"]["recall"]) if x else "-" for x in rows) + f" | {sum(aucs)/len(aucs):.3f} |")
PY
