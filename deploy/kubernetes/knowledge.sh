#!/usr/bin/env bash
# Publishes the knowledge folder as the ConfigMap "qabot-knowledge" (one gzipped tarball, so sub-folders and passage
# ids stay as they are; a ConfigMap holds at most 1 MiB). The pods unpack it at start; roll them to pick up a change:
#   deploy/kubernetes/knowledge.sh [KNOWLEDGE_DIR] && kubectl -n qabot rollout restart deployment/qabot-web statefulset/qabot-discord
set -euo pipefail
dir="${1:-$(dirname "$0")/../../knowledge}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tar -czf "$tmp/knowledge.tar.gz" -C "$dir" .
kubectl -n qabot create configmap qabot-knowledge --from-file=knowledge.tar.gz="$tmp/knowledge.tar.gz" \
  --dry-run=client -o yaml | kubectl apply -f -
