#include "catalog/connection_settings.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace lkml::catalog {
namespace {

constexpr std::string_view kSchemes[] = {"postgresql://", "postgres://"};
constexpr const char* kDefaultPort = "5432";

size_t schemeLength(std::string_view url) {
  for (std::string_view scheme : kSchemes) {
    if (url.substr(0, scheme.size()) == scheme) return scheme.size();
  }
  return 0;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool percentDecode(std::string_view text, std::string* out) {
  out->clear();
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      *out += text[i];
      continue;
    }
    int hi = i + 2 < text.size() ? hexValue(text[i + 1]) : -1;
    int lo = hi >= 0 ? hexValue(text[i + 2]) : -1;
    if (lo < 0 || (hi == 0 && lo == 0)) return false;
    *out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

// Value quoted for a libpq keyword=value string.
std::string conninfoValue(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "," : "") + parts[i];
  return out;
}

bool anyNonEmpty(const std::vector<std::string>& parts) {
  for (const auto& p : parts) {
    if (!p.empty()) return true;
  }
  return false;
}

const std::string* findParam(const PostgresUrl& url, std::string_view key) {
  for (const auto& [k, v] : url.params) {
    if (k == key) return &v;
  }
  return nullptr;
}

// The first non-empty candidate.
std::string firstOf(std::initializer_list<std::optional<std::string>> candidates) {
  for (const auto& c : candidates) {
    if (c && !c->empty()) return *c;
  }
  return "";
}

std::optional<std::string> param(const PostgresUrl& url, std::string_view key) {
  const std::string* value = findParam(url, key);
  return value ? std::optional<std::string>(*value) : std::nullopt;
}

bool parseHosts(std::string_view text, PostgresUrl* out, std::string* problem) {
  size_t pos = 0;
  while (true) {
    std::string host, port;
    if (pos < text.size() && text[pos] == '[') {
      size_t close = text.find(']', pos);
      if (close == std::string_view::npos) {
        *problem = "unterminated IPv6 address";
        return false;
      }
      host = std::string(text.substr(pos + 1, close - pos - 1));
      pos = close + 1;
    } else {
      size_t end = text.find_first_of(":,", pos);
      if (end == std::string_view::npos) end = text.size();
      if (!percentDecode(text.substr(pos, end - pos), &host)) {
        *problem = "invalid percent-encoding in the host";
        return false;
      }
      pos = end;
    }
    if (pos < text.size() && text[pos] == ':') {
      size_t end = text.find(',', pos);
      if (end == std::string_view::npos) end = text.size();
      port = std::string(text.substr(pos + 1, end - pos - 1));
      if (port.find_first_not_of("0123456789") != std::string::npos) {
        // Not quoted: with an unencoded `/` in a password, this "port" is part of it.
        *problem = "invalid port (expected digits after `:`)";
        return false;
      }
      pos = end;
    }
    out->hosts.push_back(host);
    out->ports.push_back(port);
    if (pos >= text.size()) return true;
    if (text[pos] != ',') {
      *problem = "unexpected character after the host";
      return false;
    }
    ++pos;
  }
}

bool parseParams(std::string_view text, PostgresUrl* out, std::string* problem) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('&', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view item = text.substr(pos, end - pos);
    size_t eq = item.find('=');
    std::string key, value;
    if (eq == std::string_view::npos || !percentDecode(item.substr(0, eq), &key) ||
        !percentDecode(item.substr(eq + 1), &value) || key.empty()) {
      *problem = "malformed parameter (expected key=value)";
      return false;
    }
    out->params.emplace_back(std::move(key), std::move(value));
    pos = end + 1;
  }
  return true;
}

bool parseUrlParts(std::string_view url, PostgresUrl* out, std::string* problem) {
  size_t scheme = schemeLength(url);
  if (scheme == 0) {
    *problem = "expected a URL starting with postgresql:// or postgres://";
    return false;
  }
  std::string_view rest = url.substr(scheme);
  size_t authority_end = rest.find_first_of("/?");
  if (authority_end != std::string_view::npos &&
      rest.substr(0, authority_end).find('@') == std::string_view::npos &&
      rest.find('@', authority_end) != std::string_view::npos) {
    // libpq would read `user:pa/ss@host` as host `user`, port `pa`, database `ss@host`, and
    // its messages would then show pieces of the password.
    *problem =
        "`@` after the host part; a user name or password containing `/`, `?`, `@` or `#` must "
        "be percent-encoded (%2F, %3F, %40, %23), and so must any other `@`";
    return false;
  }
  size_t query = rest.find('?');
  std::string_view params = query == std::string_view::npos ? "" : rest.substr(query + 1);
  rest = rest.substr(0, query);
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (slash != std::string_view::npos && !percentDecode(rest.substr(slash + 1), &out->database)) {
    *problem = "invalid percent-encoding in the database name";
    return false;
  }
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    std::string_view userinfo = authority.substr(0, at);
    size_t colon = userinfo.find(':');
    std::string password;
    if (!percentDecode(userinfo.substr(0, colon), &out->user) ||
        (colon != std::string_view::npos &&
         !percentDecode(userinfo.substr(colon + 1), &password))) {
      *problem = "invalid percent-encoding in the user name or password";
      return false;
    }
    if (colon != std::string_view::npos) out->password = std::move(password);
    authority = authority.substr(at + 1);
  }
  return (authority.empty() || parseHosts(authority, out, problem)) &&
         parseParams(params, out, problem);
}

ConnectionTarget targetFor(const PostgresUrl& url, const EnvironmentLookup& env) {
  ConnectionTarget target;
  target.host = firstOf({join(url.hosts), param(url, "host"), env("PGHOST"), env("PGHOSTADDR")});
  target.port = firstOf({anyNonEmpty(url.ports) ? join(url.ports) : "", param(url, "port"),
                         env("PGPORT"), std::string(kDefaultPort)});
  target.user = firstOf({url.user, param(url, "user"), env("PGUSER"), env("USER"), env("LOGNAME")});
  target.database = firstOf({url.database, param(url, "dbname"), env("PGDATABASE"), target.user});
  return target;
}

}  // namespace

std::string ConnectionTarget::describe() const {
  std::string where = host.empty() ? "host (default Unix socket)" : "host " + host;
  return where + ", port " + port + ", database \"" + database + "\", user \"" + user + "\"";
}

std::string redactUrl(std::string_view url) {
  size_t scheme = schemeLength(url);
  if (scheme == 0) return "(not a postgresql:// URL)";
  std::string out(url.substr(0, scheme));
  std::string_view rest = url.substr(scheme);
  // The userinfo ends at the LAST `@`, not at the first `/` or `?`: a password with an
  // unencoded `/`, `?` or `@` must not leak into the message that reports the malformed URL.
  // When the `@` really belonged to a parameter this hides more than needed, never less.
  size_t at = rest.rfind('@');
  if (at != std::string_view::npos) {
    std::string_view userinfo = rest.substr(0, at);
    size_t colon = userinfo.find(':');
    if (colon != std::string_view::npos) {
      out += std::string(userinfo.substr(0, std::min(colon, userinfo.find_first_of("/?#&")))) + "@";
      rest = rest.substr(at + 1);
    }
  }
  size_t query = rest.find('?');
  std::string_view params = query == std::string_view::npos ? "" : rest.substr(query + 1);
  out += rest.substr(0, query);
  std::string kept;
  size_t pos = 0;
  while (pos < params.size()) {
    size_t end = params.find('&', pos);
    if (end == std::string_view::npos) end = params.size();
    std::string_view item = params.substr(pos, end - pos);
    // An unencoded `&` may split a password: drop everything from `password=` on.
    if (item.substr(0, item.find('=')) == "password") break;
    kept += (kept.empty() ? "" : "&") + std::string(item);
    pos = end + 1;
  }
  return kept.empty() ? out : out + "?" + kept;
}

bool parseTimeoutSeconds(std::string_view flag, std::string_view text,
                         std::chrono::milliseconds* out, std::string* error) {
  const std::string range =
      "expected a number of seconds from 0.001 to 2147483.647 "
      "(PostgreSQL's statement_timeout limit; a timeout is always in force)";
  std::string copy(text);
  // Decimal numbers only: strtod would also take "nan", "inf" and hexadecimal.
  bool decimal = !copy.empty() && copy.find_first_not_of("0123456789.eE+-") == std::string::npos;
  char* end = nullptr;
  double seconds = decimal ? std::strtod(copy.c_str(), &end) : 0;
  if (!decimal || end != copy.c_str() + copy.size() || !std::isfinite(seconds)) {
    *error = std::string(flag) + " `" + copy + "`: " + range;
    return false;
  }
  double ms = std::round(seconds * 1000);
  if (!(ms >= kMinStatementTimeoutMs && ms <= kMaxStatementTimeoutMs)) {
    *error = std::string(flag) + " `" + copy + "`: " + range;
    return false;
  }
  *out = std::chrono::milliseconds(static_cast<int64_t>(ms));
  return true;
}

bool parsePostgresUrl(std::string_view url, PostgresUrl* out, std::string* error) {
  *out = PostgresUrl();
  std::string problem;
  if (parseUrlParts(url, out, &problem)) return true;
  *error = "invalid database URL " + redactUrl(url) + ": " + problem;
  return false;
}

EnvironmentLookup processEnvironment() {
  return [](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    return value ? std::optional<std::string>(value) : std::nullopt;
  };
}

bool resolveConnection(const ConnectionSettings& settings, const EnvironmentLookup& env,
                       ResolvedConnection* out, std::string* error) {
  *out = ResolvedConnection();
  std::string url = settings.url;
  out->source = "the given URL";
  if (url.empty()) {
    url = env(kDatabaseUrlVariable).value_or("");
    out->source = url.empty() ? "the PG* environment" : kDatabaseUrlVariable;
  }
  PostgresUrl parsed;
  if (!url.empty() && !parsePostgresUrl(url, &parsed, error)) {
    *error += " (from " + out->source + ")";
    return false;
  }
  std::string& info = out->conninfo;
  auto add = [&info](std::string_view key, std::string_view value) {
    info += (info.empty() ? "" : " ") + std::string(key) + "=" + conninfoValue(value);
  };
  if (!parsed.hosts.empty()) add("host", join(parsed.hosts));
  if (anyNonEmpty(parsed.ports)) add("port", join(parsed.ports));
  if (!parsed.user.empty()) add("user", parsed.user);
  if (parsed.password) add("password", *parsed.password);
  if (!parsed.database.empty()) add("dbname", parsed.database);
  for (const auto& [key, value] : parsed.params) add(key, value);
  if (!findParam(parsed, "connect_timeout") && !env("PGCONNECT_TIMEOUT")) {
    add("connect_timeout", std::to_string(settings.connect_timeout_seconds));
  }
  if (!findParam(parsed, "application_name") && !env("PGAPPNAME")) {
    add("application_name", settings.application_name);
  }
  out->password = firstOf({parsed.password, param(parsed, "password"), env("PGPASSWORD")});
  out->target = targetFor(parsed, env);
  return true;
}

}  // namespace lkml::catalog
