#!/usr/bin/env bash
# Runs the image built by `./mvnw -B package -pl infra -am -Pimage -DskipTests` without a container engine, to check it
# on a machine that has none: unpacks its layers into a folder and starts its entry point there as its user, in its
# working directory, with this machine's network and the QINGLANG_* variables of this shell. Needs root (unshare).
#   infra/image/run-unpacked.sh [infra/target/qinglang-image.tar] [command: serve | check | provision-realm]
set -euo pipefail
tar_file=${1:-infra/target/qinglang-image.tar}
shift || true
root=$(mktemp -d /tmp/qinglang-image.XXXXXX)
chmod 755 "$root"
python3 - "$tar_file" "$root" > "$root.config" <<'PY'
import json, sys, tarfile, io
image, root = sys.argv[1], sys.argv[2]
with tarfile.open(image) as t:
    blob = lambda d: t.extractfile('blobs/sha256/' + d.split(':')[1])
    index = json.load(t.extractfile('index.json'))
    manifest = json.load(blob(index['manifests'][0]['digest']))
    config = json.load(blob(manifest['config']['digest']))['config']
    for layer in manifest['layers']:
        tarfile.open(fileobj=io.BytesIO(blob(layer['digest']).read())).extractall(root, filter='fully_trusted')
user, group = config['User'].split(':')
print(user, group, config['WorkingDir'], ' '.join(config['Entrypoint']), ' '.join(config.get('Cmd', [])))
PY
read -r user group workdir _ < "$root.config"
mkdir -p "$root/proc"
mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null; rm -rf "$root" "$root.config"' EXIT
echo "image unpacked in $root; running as $user:$group in $workdir" >&2
# the entry point and its default arguments are the last fields of the config line; arguments given here replace the default
read -r -a words <<< "$(cut -d' ' -f4- "$root.config")"
if [ $# -gt 0 ]; then words=("${words[@]:0:${#words[@]}-1}" "$@"); fi
unshare --root="$root" --wd="$workdir" --setgid "$group" --setuid "$user" "${words[@]}"
