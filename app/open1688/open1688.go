// Package open1688 is caigou's client of the 1688 Open Platform gateway (gw.open.1688.com) for
// the buyer self-use purchasing solution, 采购解决方案(买家自用版).
//
// Build a Client with New from a Config holding the AppKey, the AppSecret and the authorized
// account's access token (已授权token in the console), then use its typed calls. Every call:
//
//   - is signed with Sign (HMAC-SHA1 over the URL path and the sorted key+value strings) and
//     sent as a form POST to {BaseURL}/param2/1/{namespace}/{api}/{appKey};
//   - runs under a timeout (Config.Timeout) inside the caller's context;
//   - is counted for its AppKey on its China day (ChinaDay, UTC+8) through Config.Counter,
//     failed ones included, once per HTTP request;
//   - stays inside the daily Budget: calls marked with Background leave a reserve for the
//     user's own actions, and a refused call makes no request;
//   - is retried with exponential backoff and jitter after a rate limit, an HTTP 5xx or a
//     network failure, unless retrying could do something twice (placing an order);
//   - fails with an *Error whose Kind says what the user can do: a wrong signature, an expired
//     token, an API outside the solution, today's calls used up, a business refusal and so on.
//     Error texts never hold the AppSecret or a token; the raw answer is kept in Error.Body for
//     diagnostics only.
//
// RefreshToken exchanges a refresh token for a new access token. Tests and practice mode point
// Config.BaseURL at the simulator in caigou/app/sim.
package open1688
