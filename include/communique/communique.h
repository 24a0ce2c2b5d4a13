// communique/communique.h: umbrella header; includes the whole public API.
#ifndef COMMUNIQUE_COMMUNIQUE_H_
#define COMMUNIQUE_COMMUNIQUE_H_

#include "communique/analysis.h"
#include "communique/analyzer.h"
#include "communique/json.h"
#include "communique/version.h"

#endif  // COMMUNIQUE_COMMUNIQUE_H_
