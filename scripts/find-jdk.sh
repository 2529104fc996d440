# Sourced by rv, test and .ci/run: find_jdk prints the home of a JDK >= 25, looking at
# JAVA_HOME first, then under /usr/lib/jvm; it fails (status 1) when there is none.

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

find_jdk() {
    local candidates=()
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    for d in /usr/lib/jvm/*; do [ -d "$d" ] && candidates+=("$d"); done
    for d in "${candidates[@]}"; do
        if [ -x "$d/bin/java" ]; then
            local v; v="$(java_major "$d")"
            if [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null; then echo "$d"; return 0; fi
        fi
    done
    return 1
}
