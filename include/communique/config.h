// communique/config.h: export macro and the versioned namespace.
//
// Every public symbol lives in `communique::v1` (an inline namespace), so
// `communique::Analyzer` names `communique::v1::Analyzer`. The inline
// namespace changes only when the ABI breaks; it equals the SOVERSION.
#ifndef COMMUNIQUE_CONFIG_H_
#define COMMUNIQUE_CONFIG_H_

#if defined(COMMUNIQUE_STATIC_DEFINE)
#define COMMUNIQUE_API
#elif defined(_WIN32)
#if defined(COMMUNIQUE_BUILDING)
#define COMMUNIQUE_API __declspec(dllexport)
#else
#define COMMUNIQUE_API __declspec(dllimport)
#endif
#else
#define COMMUNIQUE_API __attribute__((visibility("default")))
#endif

#define COMMUNIQUE_BEGIN_NAMESPACE \
  namespace communique {           \
  inline namespace v1 {
#define COMMUNIQUE_END_NAMESPACE \
  }                              \
  }

#endif  // COMMUNIQUE_CONFIG_H_
