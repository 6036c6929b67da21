#!/usr/bin/env bash
# The image's runtime, made without a container engine or registry: a Java runtime linked (jlink) from the JDK that
# runs the build (21 or newer), the C libraries it needs, copied from this machine's Debian packages (their names and
# versions go into runtime/packages.txt, which the image carries), and a non-root user. Jib lays the application on
# top (infra/pom.xml, profile "image").
#   infra/image/runtime.sh <java home> <output folder>
set -euo pipefail
java_home=$1
out=$2
rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp" "$out/proc" "$out/home/qinglang"

# The modules the platform uses (jdeps over its jars finds these), plus zh/en locale data and the JFR for diagnosis.
modules=java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.management.agent,jdk.zipfs,jdk.naming.dns,jdk.jfr,jdk.localedata,jdk.charsets,jdk.httpserver
"$java_home/bin/jlink" --add-modules "$modules" --include-locales=en,zh \
  --strip-debug --no-header-files --no-man-pages --compress=zip-6 --output "$out/opt/java"

# Every shared library the runtime's launcher and server-side libraries load, and the loader, copied from the system
# (as files: no symbolic links, which image layers built from folders do not keep). The desktop libraries (AWT's X11
# window toolkit, sound, the splash screen) never load in a headless server and are left out with what they need.
libs=$( (ldd "$out/opt/java/bin/java"
         find "$out/opt/java/lib" -name '*.so' ! -name 'libawt_xawt.so' ! -name 'libjawt.so' ! -name 'libjsound.so' \
           ! -name 'libsplashscreen.so' -exec ldd {} \; ) 2>/dev/null \
  | awk '/=> \// {print $3} /^\t\/lib/ {print $1}' | grep -v "^$out" | sort -u)
: > "$out/packages.txt"
for lib in $libs; do
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
  pkg=$( (dpkg -S "$lib" || dpkg -S "$(readlink -f "$lib")") 2>/dev/null | head -1 | cut -d: -f1 || true)
  if [ -n "$pkg" ]; then dpkg-query -W -f='${Package} ${Version}\n' "$pkg" >> "$out/packages.txt"; fi
done
sort -u -o "$out/packages.txt" "$out/packages.txt"
"$java_home/bin/java" -version 2>&1 | head -1 | sed 's/^/java runtime: /' >> "$out/packages.txt"

cat > "$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
qinglang:x:65532:65532:Qinglang:/home/qinglang:/sbin/nologin
PASSWD
cat > "$out/etc/group" <<'GROUP'
root:x:0:
qinglang:x:65532:
GROUP
echo 'hosts: files dns' > "$out/etc/nsswitch.conf"
echo "runtime: $(du -sh "$out" | cut -f1) in $out ($(wc -l < "$out/packages.txt") packages)"
