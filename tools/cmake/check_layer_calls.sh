#!/bin/sh
# Refuses a call upward: run by the build once every layer's library is archived.
# Arguments: NAME=LIBRARY.a for each layer, lowest first. A symbol a layer leaves undefined
# (it calls it) that a higher layer defines (strongly: code or data, not an inline or
# template copy) is a call upward, which static libraries would let through whenever the
# higher layer's object is linked anyway.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
count=0
for layer in "$@"; do
    count=$((count + 1))
    echo "${layer%%=*}" > "$dir/name$count"
    nm -P --defined-only "${layer#*=}" | awk '$2 ~ /^[TDBR]$/ { print $1 }' | sort -u > "$dir/defines$count"
    nm -P --undefined-only "${layer#*=}" | awk 'NF > 1 { print $1 }' | sort -u |
        comm -23 - "$dir/defines$count" > "$dir/calls$count"
done
found=0
low=1
while [ "$low" -lt "$count" ]; do
    high=$((low + 1))
    while [ "$high" -le "$count" ]; do
        comm -12 "$dir/calls$low" "$dir/defines$high" > "$dir/upward"
        if [ -s "$dir/upward" ]; then
            found=1
            c++filt < "$dir/upward" | sed "s|^|  $(cat "$dir/name$low") calls $(cat "$dir/name$high"): |" >&2
        fi
        high=$((high + 1))
    done
    low=$((low + 1))
done
if [ "$found" -eq 1 ]; then
    echo "Upward calls: a layer may call only its own layer and the layers below it (VITRINE_LAYERS in CMakeLists.txt)" >&2
    exit 1
fi
