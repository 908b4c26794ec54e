// Package msgchan is caigou's client of the 1688 message channel: the WebSocket over which the
// platform pushes order and logistics events (1688.md §5.3), so that the app learns about an
// order without spending the daily call budget.
//
// Build a Client with New from a Config holding the AppKey, the AppSecret and a Consumer, then
// call Run. The client:
//
//   - dials Config.URL with the handshake header client_version: 1, sends a CONNECT signed with
//     Sign, and resends it every AckTimeout until a CONNECT_ACK arrives;
//   - sends a signed HEARTBEAT every HeartbeatEvery while connected;
//   - hands SERVER_PUSH frames to Consumer.Apply in group-committed batches and sends CONFIRM for
//     a batch only after Apply returned nil. 1688 delivers at least once and redelivers what was
//     not confirmed, so the consumer must be idempotent and commit before returning;
//   - turns SYSTEM frames into SystemEvents, recognising a refused key or secret;
//   - reconnects after a CLOSE frame or a dead socket, with exponential backoff and jitter;
//   - reports its State (disconnected, connecting, connected, the last error, the last push)
//     through State and Subscribe, without ever letting a slow listener hold up a frame.
//
// The AppSecret is used only to sign; it never appears in a log line or an error.
package msgchan
