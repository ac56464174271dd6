#!/usr/bin/env bash
# Fit the relevance weights (rules/relevance-model.yaml) on every labelled document and the
# government texts: builds fynd, makes a virtualenv with scikit-learn, runs fit_relevance.py.
# Arguments go to fit_relevance.py (--C, --government-weight, --written-weight, --folds; --extra DIR…
# names labelled sets of real text outside the repository, --fit-extra fits on them and scores each
# leave-one-set-out, --grid chooses the options by that score). The compiled pack
# (rules/compiled.pack) is written again with the new weights; rebuild afterwards (swift build -c release --product fynd --static-swift-stdlib)
# so that the binary embeds them.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product fynd --static-swift-stdlib >/dev/null
[ -x .venv-fit/bin/python ] || { python3 -m venv .venv-fit && .venv-fit/bin/pip install -q "scikit-learn==1.9.*" numpy; }
.venv-fit/bin/python scripts/fit_relevance.py "$@"
.build/release/fynd check-rules rules --compile rules/compiled.pack
