#!/usr/bin/env bash
# Runs every offline deployment check and stops at the first failure:
#   HCL parse of every .tf/.tfvars, checkov (terraform + rendered kustomize overlays), kustomize build of both
#   overlays + strict Kubernetes schema validation, promtool check/test rules, terraform fmt (when installed).
# Needs: .venv with python-hcl2 and kubernetes-validate, kubectl, promtool, checkov (scripts/install-checkov.sh).
# The same checks, plus the failing fixtures and the real-scrape metric check, run in pytest: tests/deploy.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
py=.venv/bin/python
k8s_version=1.35.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step() { printf '\n== %s\n' "$*"; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "check-deploy: $1 not found: $2" >&2; exit 2; }; }

need kubectl "kubectl is on the CI image (/usr/bin/kubectl); it bundles kustomize"
need promtool "apt-get install prometheus"
checkov=.venv-checkov/bin/checkov
[ -x "$checkov" ] || checkov=$(command -v checkov || true)
[ -n "$checkov" ] || { echo "check-deploy: checkov not found: run scripts/install-checkov.sh" >&2; exit 2; }

step "HCL parse (python-hcl2)"
"$py" - <<'PY'
import sys
from pathlib import Path
import hcl2
opts = hcl2.SerializationOptions(strip_string_quotes=True, explicit_blocks=False)
files = sorted(p for p in Path("terraform").rglob("*") if p.suffix in {".tf", ".tfvars"} or p.name.endswith((".tfvars.example", ".tftest.hcl")))
bad = 0
for path in files:
    try:
        hcl2.loads(path.read_text(), serialization_options=opts)
    except Exception as exc:
        bad += 1
        print(f"{path}: {str(exc).splitlines()[0]}", file=sys.stderr)
print(f"{len(files) - bad}/{len(files)} files parse")
sys.exit(1 if bad else 0)
PY

step "kustomize build + kubernetes-validate --strict ($k8s_version)"
for overlay in aws azure; do
    kubectl kustomize "deploy/k8s/overlays/$overlay" > "$work/$overlay.yaml"
done
"$py" - "$k8s_version" "$work/aws.yaml" "$work/azure.yaml" <<'PY'
import sys
import kubernetes_validate
import yaml
version, *files = sys.argv[1:]
bad = 0
for path in files:
    docs = [d for d in yaml.safe_load_all(open(path)) if d]
    for doc in docs:
        try:
            kubernetes_validate.validate(doc, version, strict=True)
        except Exception as exc:
            bad += 1
            print(f"{path}: {doc.get('kind')}/{doc['metadata'].get('name')}: {exc}", file=sys.stderr)
    print(f"{path}: {len(docs)} objects")
sys.exit(1 if bad else 0)
PY

step "checkov"
export CKV_SKIP_PACKAGE_UPDATE_CHECK=true BC_SKIP_MAPPING=TRUE
for dir in terraform/aws terraform/azure; do
    "$checkov" -d "$dir" --framework terraform --skip-download --compact --quiet
done
"$checkov" -d "$work" --framework kubernetes --skip-download --compact --quiet

step "promtool"
promtool check rules deploy/monitoring/rules/sync-service.rules.yml
promtool test rules deploy/monitoring/rules/sync-service.rules.test.yml

step "terraform fmt"
if command -v terraform >/dev/null 2>&1; then
    CHECKPOINT_DISABLE=1 TF_CLI_CONFIG_FILE=/dev/null TF_IN_AUTOMATION=1 terraform fmt -check -recursive terraform
    echo "formatted"
else
    echo "terraform not installed: formatting not checked"
fi

printf '\ncheck-deploy: all offline deployment checks passed\n'
