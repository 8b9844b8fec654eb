// `bitext help checks`: every finding code with its kind, severity, fix and
// explanation, from the rule registry.
#pragma once

#include <string>

namespace bitext::cli {

std::string checks_help();

}  // namespace bitext::cli
