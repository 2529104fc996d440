# Sourced by rv: the Java runtime rv starts, and its start-up cache.
#
# Graal's compiler must replace the JDK's own jdk.graal.compiler module (the JDK's copy has
# no Truffle support). On a stock JDK that takes --upgrade-module-path, and with that option
# the JVM can use no class data archive at all. So rv links its own runtime image with
# jlink: the JDK's modules without jdk.graal.compiler, plus Truffle and rvtrace; Graal's
# compiler then comes from the module path as an ordinary module. Such a runtime can use an
# ahead-of-time cache (JEP 483): the classes of the JDK, Truffle, rvtrace and Graal, loaded
# and linked by a training run of the demo. Measured on a 2-core machine: --version 0.75 s
# -> 0.18 s, and every program starts compiling sooner (bintrees 12: 3.6 s -> 1.8 s).
#
# link_runtime TARGET JDK and train_cache TARGET HOME print nothing on success; on failure they
# say why on stderr and remove what they made, and rv runs the old way (slower start).

# The JVM options of a launch with rvtrace's runtime (training included, so the cache matches).
runtime_jvm_options() {
    local target="$1"
    common_jvm_options
    printf '%s\n' --module-path="$target/runtime/graal/compiler-25.0.1.jar" --add-modules=jdk.graal.compiler
}

# The JVM options of a launch with the JDK itself (no runtime of rvtrace's own).
jdk_jvm_options() {
    local target="$1"
    common_jvm_options
    printf '%s\n' --upgrade-module-path="$target/compiler" --module-path="$target/lib:$target/rvtrace-launcher-0.1.0-SNAPSHOT.jar"
}

# C1 only for the JVM's own code: Graal runs as Java code here, and on a small machine C2
# compiling Graal competes with the guest for the cores (measured: 5-35% shorter runs).
# The JVM's own warnings go to stderr, never into the guest's stdout.
common_jvm_options() {
    printf '%s\n' \
        -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI \
        -XX:TieredStopAtLevel=1 -XX:+UseParallelGC \
        --enable-native-access=org.graalvm.truffle,org.rvtrace.language,org.rvtrace.ftrace --sun-misc-unsafe-memory-access=allow \
        "-Xlog:disable" "-Xlog:all=warning,aot*=off,cds*=off:stderr"
}

link_runtime() {
    local target="$1" jdk="$2" log
    rm -rf "$target/runtime" "$target/rv.aot"
    [ -x "$jdk/bin/jlink" ] || {
        echo "rv: $jdk has no jlink; starting without the start-up cache (slower start)" >&2; return 1; }
    log="$(mktemp)"
    # Every module of the launcher's module path except the compiler, the JDK modules they
    # need, and JFR (for RV_JAVA_OPTS=-XX:StartFlightRecording=...).
    if ! "$jdk/bin/jlink" --module-path "$target/lib:$target/rvtrace-launcher-0.1.0-SNAPSHOT.jar" \
            --add-modules org.rvtrace.launcher,org.rvtrace.language,org.rvtrace.ftrace,org.graalvm.truffle,org.graalvm.truffle.runtime,org.graalvm.truffle.compiler,com.oracle.truffle.tools.profiler,jdk.internal.vm.ci,jdk.unsupported,jdk.management,jdk.jfr,jdk.management.jfr \
            --output "$target/runtime" >"$log" 2>&1; then
        cat "$log" >&2; rm -f "$log"; rm -rf "$target/runtime"
        echo "rv: jlink failed; starting without the start-up cache (slower start)" >&2
        return 1
    fi
    rm -f "$log"
    # A copy of its own: the cache is valid only for the module path file it was trained with
    # (same size and time), and Maven may copy the one in compiler/ again.
    mkdir -p "$target/runtime/graal" && cp -p "$target/compiler/compiler-25.0.1.jar" "$target/runtime/graal/"
}

# Runs the demo once recording which classes get loaded, then writes them into rv.aot.
train_cache() {
    local target="$1" here="$2" log conf
    log="$(mktemp)"; conf="$target/rv.aotconf"
    local opts=(); mapfile -t opts < <(runtime_jvm_options "$target")
    if "$target/runtime/bin/java" "${opts[@]}" -XX:AOTMode=record -XX:AOTConfiguration="$conf" -Drvtrace.home="$here" \
            -m org.rvtrace.launcher/org.rvtrace.launcher.Main demo >/dev/null 2>"$log" \
        && "$target/runtime/bin/java" "${opts[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$conf" -XX:AOTCache="$target/rv.aot.tmp" \
            -Drvtrace.home="$here" -m org.rvtrace.launcher/org.rvtrace.launcher.Main >>"$log" 2>&1 \
        && mv "$target/rv.aot.tmp" "$target/rv.aot"; then
        rm -f "$log" "$conf"
        return 0
    fi
    cat "$log" >&2; rm -f "$log" "$conf" "$target/rv.aot.tmp"
    echo "rv: could not write the start-up cache; starting without it (slower start)" >&2
    return 1
}
