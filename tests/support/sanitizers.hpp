#pragma once

// Whether this test binary runs under AddressSanitizer (scripts/test.sh's
// sanitizer build): a few tests do less there, where every step costs about
// five times as much, and say so where they do.

#if defined(__SANITIZE_ADDRESS__)
#define BITEXT_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BITEXT_UNDER_ASAN 1
#endif
#endif

namespace bitext::test {

#if defined(BITEXT_UNDER_ASAN)
inline constexpr bool kUnderAddressSanitizer = true;
#else
inline constexpr bool kUnderAddressSanitizer = false;
#endif

}  // namespace bitext::test
