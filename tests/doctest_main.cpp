// Both macros: with the tests' precompiled header doctest.h is already included
// (its interface part only), and DOCTEST_CONFIG_IMPLEMENT alone brings in the implementation.
#define DOCTEST_CONFIG_IMPLEMENT
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
