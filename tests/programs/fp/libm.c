/* Whole-program floating point: printf %f %g %e %a of assorted doubles, strtod of
 * decimal and hex strings, and libm (sin cos tan exp log pow sqrt atan2 fmod cbrt hypot
 * floor/ceil/round/trunc/rint, frexp/ldexp). Inputs go through volatile variables so
 * nothing is folded at compile time. */
#include <float.h>
#include <math.h>
#include "rvtest.h"

static volatile double inputs[] = {
    0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 2.5, 3.14159265358979, 1e-5, 123456789.125,
    1e300, -1e-300, 5e-324, DBL_MAX, DBL_MIN, 1.0 / 3.0, 2.0 / 3.0, 1e22, 9007199254740993.0,
};

int main(void)
{
    int n = sizeof inputs / sizeof inputs[0];
    for (int i = 0; i < n; i++) {
        double x = inputs[i];
        printf("%%f=%f %%.3f=%.3f %%g=%g %%.17g=%.17g %%e=%e %%a=%a\n", x, x, x, x, x, x);
    }
    volatile double inf = INFINITY, nan_ = NAN;
    printf("inf: %f %g %e | -inf: %f | nan: %f %g\n", inf, inf, inf, -inf, nan_, nan_);
    printf("widths: [%10.4f] [%-10.2e] [%+g] [%010.3f] [%.0f] [%.0f] [%#.0f]\n",
           inputs[7], inputs[9], inputs[5], -inputs[7], inputs[6], inputs[5], inputs[2]);
    float f = (float)inputs[4];
    printf("float 0.1: %.10f %a\n", f, f);

    static const char *const strs[] = {
        "0.1", "1e-320", "0x1p-3", "0x1.8p+1", "inf", "-Infinity", "nan", "1.7976931348623157e308",
        "1.7976931348623159e308", "2.2250738585072011e-308", "4.9e-324", "2e-324", "123.456e2xyz",
        "  -0", "9007199254740993", "0.30000000000000004", ".5", "1e+400",
    };
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        char *end;
        double d = strtod(strs[i], &end);
        uint64_t bits;
        memcpy(&bits, &d, 8);
        printf("strtod(\"%s\") = %.17g [%016" PRIx64 "] rest \"%s\"\n", strs[i], d, bits, end);
    }

    static volatile double args[] = {0.5, 1.0, 2.0, 10.0, -3.75, 100.25, 1e-8, 0.7853981633974483};
    for (size_t i = 0; i < sizeof args / sizeof args[0]; i++) {
        double x = args[i];
        printf("x=%g sin=%.17g cos=%.17g tan=%.17g exp=%.17g log=%.17g\n", x, sin(x), cos(x), tan(x), exp(x),
               log(fabs(x)));
        printf("     pow(x,1.5)=%.17g pow(2,x)=%.17g sqrt=%.17g cbrt=%.17g atan2(x,3)=%.17g fmod(x,0.3)=%.17g hypot(x,4)=%.17g\n",
               pow(fabs(x), 1.5), pow(2.0, x), sqrt(fabs(x)), cbrt(x), atan2(x, 3.0), fmod(x, 0.3), hypot(x, 4.0));
        printf("     floor=%g ceil=%g round=%g trunc=%g rint=%g lround=%ld\n", floor(x), ceil(x), round(x), trunc(x),
               rint(x), lround(x));
    }
    int e;
    double m = frexp(inputs[9], &e);
    printf("frexp(123456789.125) = %.17g * 2^%d, ldexp back = %.17g\n", m, e, ldexp(m, e));
    printf("pow(-8, 1/3.) = %g, log(-1) = %g, log(0) = %g, sqrt(-1) = %g, exp(1000) = %g\n",
           pow(-8.0, inputs[15]), log(-inputs[2]), log(inputs[0]), sqrt(-inputs[2]), exp(1000.0 * inputs[2]));
    float sf = sinf((float)args[1]), ef = expf((float)args[2]), pf = powf((float)args[3], 0.5f);
    printf("sinf(1)=%.9g expf(2)=%.9g powf(10,0.5)=%.9g\n", sf, ef, pf);

    /* a small numeric integration (sum of sin over a grid) as a checksum */
    double acc = 0;
    for (int i = 0; i < 10000; i++) {
        double t = i * 0.001;
        volatile double term = sin(t) * exp(-t * 0.1); /* volatile: no fused multiply-add at -O2 */
        acc += term;
    }
    printf("integration checksum %.12f\n", acc);
    return 0;
}
