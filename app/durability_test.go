package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app/msgchan"
	"caigou/app/open1688"
	"caigou/app/sim"
	"caigou/storage"
)

// The consumer process of the durability test reads where to work from these variables.
const (
	envConsumerDB      = "CAIGOU_TEST_CONSUMER_DB"
	envConsumerGateway = "CAIGOU_TEST_CONSUMER_GATEWAY"
	envConsumerChannel = "CAIGOU_TEST_CONSUMER_CHANNEL"
)

// Shape of the durability run (issue 4): 10 000 pushes, a tenth of them duplicates and a tenth
// reordered, over a few hundred orders, with the consumer killed several times.
const (
	durDistinct   = 9000
	durDuplicates = 1000
	durChunk      = 100 // distinct messages per chunk; one reordered window per chunk
	durHoldWindow = 10
	durKills      = 5
)

// TestHelperConsumer is the consumer process of TestDurabilityUnderKills, not a test: the real
// channel client, Tracker and catch-up on one database, run until the parent kills it.
func TestHelperConsumer(t *testing.T) {
	dir := os.Getenv(envConsumerDB)
	if dir == "" {
		t.Skip("the consumer process of TestDurabilityUnderKills")
	}
	db, err := storage.Open(dir)
	require.NoError(t, err)
	api, err := open1688.New(open1688.Config{
		BaseURL: os.Getenv(envConsumerGateway), AppKey: sim.DemoAppKey, AppSecret: sim.DemoAppSecret,
		Counter: db, Retry: open1688.RetryPolicy{Attempts: 1},
	})
	require.NoError(t, err)
	mc, err := NewMessageChannel(MessageChannelConfig{
		DB: db,
		Channel: msgchan.Config{
			URL: os.Getenv(envConsumerChannel), AppKey: sim.DemoAppKey, AppSecret: sim.DemoAppSecret,
			Backoff:    msgchan.Backoff{Min: 20 * time.Millisecond, Max: 100 * time.Millisecond},
			AckTimeout: 200 * time.Millisecond,
		},
		Replayer: api, CatchUpInterval: time.Millisecond,
	})
	require.NoError(t, err)
	require.NoError(t, mc.Run(context.Background()))
}

// consumer is one run of the consumer process.
type consumer struct {
	cmd    *exec.Cmd
	stderr *lockedBuffer
	exited chan struct{}
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func startConsumer(t *testing.T, s *sim.Sim, dir string) *consumer {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperConsumer$", "-test.count=1")
	cmd.Env = append(os.Environ(),
		envConsumerDB+"="+dir, envConsumerGateway+"="+s.URL(), envConsumerChannel+"="+s.ChannelURL())
	c := &consumer{cmd: cmd, stderr: &lockedBuffer{}, exited: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = c.stderr, c.stderr
	require.NoError(t, cmd.Start())
	go func() {
		_ = cmd.Wait()
		close(c.exited)
	}()
	t.Cleanup(func() { c.kill(t) })
	return c
}

// kill ends the process with SIGKILL (Process.Kill), as a crash or a power cut would, and
// checks it left no data race behind.
func (c *consumer) kill(t *testing.T) {
	t.Helper()
	_ = c.cmd.Process.Kill()
	<-c.exited
	assert.NotContains(t, c.stderr.String(), "DATA RACE")
}

// durOrder is one order of the run and what was pushed about it.
type durOrder struct {
	aliID   string
	plan    []sim.Message // in the order the events happened
	msgIDs  []int64
	maxRank int
	final   string // the highest-rank status pushed
}

// orderSteps is an order's life as messages: type and currentStatus, "" for a parcel trace.
func orderSteps(rng *rand.Rand) [][2]string {
	steps := [][2]string{{sim.TopicOrderBuyerMake, "waitbuyerpay"}}
	for range rng.IntN(4) {
		steps = append(steps, [2]string{"ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY", "waitbuyerpay"})
	}
	steps = append(steps, [2]string{sim.TopicOrderPay, "waitsellersend"})
	if rng.IntN(3) == 0 {
		steps = append(steps, [2]string{"ORDER_BUYER_VIEW_PART_PART_SENDGOODS", "waitsellersend"})
	}
	steps = append(steps, [2]string{sim.TopicOrderAnnounceSendGoods, "waitbuyerreceive"})
	// A parcel's trace: accepted, a few hubs on the way, out for delivery, signed.
	trace := []string{"ACCEPT"}
	for range 4 + rng.IntN(8) {
		trace = append(trace, "TRANSPORT")
	}
	for _, st := range append(trace, "DELIVERING", "SIGN")[:len(trace)-2+rng.IntN(5)] {
		steps = append(steps, [2]string{sim.TopicLogisticsTrace, st})
	}
	steps = append(steps,
		[2]string{sim.TopicOrderConfirmReceive, "confirm_goods_and_has_subsidy"},
		[2]string{sim.TopicOrderSuccess, "success"})
	switch r := rng.IntN(10); {
	case r < 2: // closed part-way: by the buyer before paying, else by the seller
		cut := 1 + rng.IntN(len(steps)-2)
		steps = steps[:cut]
		closer := sim.TopicOrderSellerClose
		if cut <= 2 {
			closer = sim.TopicOrderBuyerClose
		}
		steps = append(steps, [2]string{closer, "cancel"})
	case r < 4: // still under way
		steps = steps[:1+rng.IntN(len(steps)-1)]
	}
	return steps
}

// planOrders makes orders until they hold n messages in all.
func planOrders(rng *rand.Rand, n int, born time.Time) []*durOrder {
	var orders []*durOrder
	for total := 0; total < n; {
		id := 3717426277620540000 + int64(len(orders))*7919
		o := &durOrder{aliID: strconv.FormatInt(id, 10)}
		steps := orderSteps(rng)
		steps = steps[:min(len(steps), n-total)]
		for i, st := range steps {
			at := born.Add(time.Duration(len(orders)+i) * time.Second).In(time.FixedZone("CST", 8*3600))
			var data string
			if st[0] == sim.TopicLogisticsTrace {
				data = fmt.Sprintf(`{"OrderLogisticsTracingModel":{"logisticsId":"BX%d","cpCode":"YTO","mailNo":"YT%d",`+
					`"statusChanged":%q,"changeTime":%q,"orderLogsItems":[{"orderId":%d,"orderEntryId":%d}]}}`,
					id, id%1e10, st[1], at.Format(time.DateTime), id, id+1)
			} else {
				data = fmt.Sprintf(`{"orderId":%d,"currentStatus":%q,"msgSendTime":%q,"buyerMemberId":%q,"sellerMemberId":%q}`,
					id, st[1], at.Format(time.DateTime), sim.DemoBuyer, sim.DemoSeller)
			}
			o.plan = append(o.plan, sim.Message{Type: st[0], UserInfo: sim.DemoBuyer, Data: json.RawMessage(data)})
		}
		total += len(steps)
		orders = append(orders, o)
	}
	return orders
}

// interleave is the natural stream: orders progress side by side, each in its own order.
func interleave(rng *rand.Rand, orders []*durOrder) []*durOrder {
	var stream []*durOrder
	next := make([]int, len(orders))
	active := slices.Clone(orders)
	idx := map[*durOrder]int{}
	for i, o := range orders {
		idx[o] = i
	}
	for len(active) > 0 {
		k := rng.IntN(len(active))
		o := active[k]
		stream = append(stream, o)
		if next[idx[o]]++; next[idx[o]] == len(o.plan) {
			active = slices.Delete(active, k, k+1)
		}
	}
	return stream
}

type durCounts struct {
	pushes, duplicates, reordered, kills int
}

func TestDurabilityUnderKills(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 10 000 pushes through a consumer that is killed and restarted")
	}
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv("CAIGOU_DURABILITY_SEED"); v != "" {
		var err error
		seed, err = strconv.ParseUint(v, 10, 64)
		require.NoError(t, err)
	}
	t.Logf("seed %d (CAIGOU_DURABILITY_SEED repeats the run)", seed)
	rng := rand.New(rand.NewPCG(seed, 1688))

	s, err := sim.Start(sim.Options{Seed: true, Channel: sim.ChannelOptions{
		// Short, so that the kills make messages fail within a second and catch-up must
		// recover them; kept forever, so none ages out of the replay list mid-test.
		ConfirmTimeout: 300 * time.Millisecond, MaxRedeliveries: 3, ReplayRetention: -1,
	}})
	require.NoError(t, err)
	defer s.Close()
	ch := s.Channel()
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(t.Context(), 150*time.Second)
	defer cancel()
	waitFor := func(what string, cond func(sim.ChannelStats) bool) {
		t.Helper()
		require.NoError(t, ch.Wait(ctx, cond), "waiting for %s: %+v", what, ch.Stats())
	}

	orders := planOrders(rng, durDistinct, time.Now())
	stream := interleave(rng, orders)
	require.Len(t, stream, durDistinct)
	killAt := map[int]bool{}
	for len(killAt) < durKills {
		// Never in the last 20 of a chunk: what is pushed while the consumer is dead is what
		// fails and must come back through catch-up.
		killAt[(3+rng.IntN(len(stream)/durChunk-6))*durChunk+rng.IntN(durChunk-20)] = true
	}
	dupAt := map[int]bool{}
	for len(dupAt) < durDuplicates {
		dupAt[10+rng.IntN(len(stream)-10)] = true
	}

	proc := startConsumer(t, s, dir)
	waitFor("the first connect", func(st sim.ChannelStats) bool { return st.Connections == 1 })
	var n durCounts
	var ids []int64
	dead, owed := false, 0
	next := make(map[*durOrder]int)
	for chunk := 0; chunk*durChunk < len(stream); chunk++ {
		holdFrom := rng.IntN(durChunk - durHoldWindow)
		var held []int64
		for i := range durChunk {
			g := chunk*durChunk + i
			if i == holdFrom {
				ch.Hold()
			}
			o := stream[g]
			id, err := ch.Push(sim.DemoAppKey, o.plan[next[o]])
			require.NoError(t, err)
			next[o]++
			o.msgIDs = append(o.msgIDs, id)
			ids = append(ids, id)
			n.pushes++
			holding := i >= holdFrom && i < holdFrom+durHoldWindow
			if holding {
				held = append(held, id)
				n.reordered++
			}
			if dupAt[g] {
				owed++
			}
			// The platform duplicates only to a connected client: one owed while the consumer
			// is dead comes after the restart.
			for ; owed > 0 && !dead && ch.Duplicate(ids[rng.IntN(len(ids))]) == nil; owed-- {
				n.duplicates++
				n.pushes++
				if holding {
					n.reordered++
				}
			}
			if i == holdFrom+durHoldWindow-1 {
				rng.Shuffle(len(held), func(a, b int) { held[a], held[b] = held[b], held[a] })
				ch.Release(held...)
			}
			if killAt[g] {
				proc.kill(t)
				n.kills++
				dead = true
			}
		}
		if dead {
			// Wait until the platform gave up on what the dead consumer missed, then restart.
			failed := ch.Stats().Failed
			waitFor("a failed message", func(st sim.ChannelStats) bool { return st.Failed > failed && st.Connections == 0 })
			proc = startConsumer(t, s, dir)
			waitFor("the reconnect", func(st sim.ChannelStats) bool { return st.Connections == 1 })
			dead = false
		}
		waitFor("the consumer to keep up", func(st sim.ChannelStats) bool { return st.Pending <= 2*durChunk })
	}

	// Messages may also fail while the consumer is up (a slow commit under the race detector):
	// the next connect catches them up, so make one until nothing is left.
	for round := 0; ; round++ {
		waitFor("every delivery to end", func(st sim.ChannelStats) bool { return st.Pending == 0 })
		if ch.Stats().Failed == 0 {
			break
		}
		require.Less(t, round, 5, "catch-up does not recover the failed messages")
		ch.Drop(sim.DemoAppKey)
		waitFor("the catch-up of the reconnect", func(st sim.ChannelStats) bool { return st.Failed == 0 || st.Connections == 0 })
		waitFor("the catch-up of the reconnect", func(st sim.ChannelStats) bool { return st.Failed == 0 })
	}
	proc.kill(t)
	assertDurable(t, s, dir, orders, ids, n)
}

// assertDurable checks the database against what was pushed and prints the counts.
func assertDurable(t *testing.T, s *sim.Sim, dir string, orders []*durOrder, ids []int64, n durCounts) {
	t.Helper()
	ctx := t.Context()
	db, err := storage.Open(dir)
	require.NoError(t, err)
	defer db.Close()
	q := func(query string) int {
		var v int
		require.NoError(t, db.SQL().QueryRowContext(ctx, query).Scan(&v))
		return v
	}

	// Every distinct msgId is stored exactly once (it is the primary key) and applied.
	var want, got []string
	for _, id := range ids {
		want = append(want, strconv.FormatInt(id, 10))
	}
	rows, err := db.SQL().QueryContext(ctx, `SELECT msg_id FROM messages`)
	require.NoError(t, err)
	for rows.Next() {
		var id string
		require.NoError(t, rows.Scan(&id))
		got = append(got, id)
	}
	require.NoError(t, rows.Err())
	slices.Sort(want)
	slices.Sort(got)
	require.Equal(t, want, got, "the inbox holds every message once, nothing else")
	assert.Zero(t, q(`SELECT count(*) FROM messages WHERE applied_at IS NULL OR error IS NOT NULL`))

	// Nothing moved backward, and each order's timeline holds each of its messages once.
	ranks := map[string]int{}
	rows, err = db.SQL().QueryContext(ctx, `SELECT status, rank FROM status_map`)
	require.NoError(t, err)
	for rows.Next() {
		var st string
		var r int
		require.NoError(t, rows.Scan(&st, &r))
		ranks[st] = r
	}
	require.NoError(t, rows.Err())
	timeline := map[string][]string{}
	rows, err = db.SQL().QueryContext(ctx, `SELECT o.ali_order_id, e.msg_id FROM order_events e
		JOIN orders o ON o.id = e.order_id WHERE e.kind = 'message'`)
	require.NoError(t, err)
	for rows.Next() {
		var ali, msg string
		require.NoError(t, rows.Scan(&ali, &msg))
		timeline[ali] = append(timeline[ali], msg)
	}
	require.NoError(t, rows.Err())
	for _, o := range orders {
		for _, m := range o.plan {
			var d struct {
				Status string `json:"currentStatus"`
			}
			require.NoError(t, json.Unmarshal(m.Data, &d))
			if r, ok := ranks[d.Status]; ok && r > o.maxRank {
				o.maxRank, o.final = r, d.Status
			}
		}
		st, ok, err := db.OrderByAliID(ctx, o.aliID)
		require.NoError(t, err)
		require.True(t, ok, o.aliID)
		assert.Equal(t, o.final, st.Status, "order %s: the highest status pushed", o.aliID)
		var mine []string
		for _, id := range o.msgIDs {
			mine = append(mine, strconv.FormatInt(id, 10))
		}
		slices.Sort(mine)
		events := slices.Sorted(slices.Values(timeline[o.aliID]))
		assert.Equal(t, mine, events, "order %s: one timeline event per message", o.aliID)
	}
	assert.Equal(t, len(orders), q(`SELECT count(*) FROM orders`))

	// Nothing lost: every message is confirmed, those the channel gave up on through catch-up.
	replayed := map[string]bool{}
	for _, r := range s.RequestsFor("push.message.confirm") {
		var list []json.Number
		require.NoError(t, json.Unmarshal([]byte(r.Params.Get("msgIdList")), &list))
		for _, id := range list {
			replayed[id.String()] = true
		}
	}
	redeliveries := 0
	for _, d := range s.Channel().Messages() {
		assert.Equal(t, sim.Confirmed, d.State, "message %d", d.MsgID)
		redeliveries += max(d.Attempts-1, 0)
	}
	assert.NotEmpty(t, replayed, "the kills made messages fail, and catch-up brought them back")
	st := s.Channel().Stats()
	t.Logf("orders %d; pushed %d (frames sent %d), distinct %d, duplicates %d, reordered %d, kills %d, "+
		"redeliveries %d (attempts after the first, offline ones included), replayed via catch-up %d, stored %d, applied %d, timeline events %d",
		len(orders), n.pushes, st.Pushes, len(ids), n.duplicates, n.reordered, n.kills, redeliveries,
		len(replayed), q(`SELECT count(*) FROM messages`),
		q(`SELECT count(*) FROM messages WHERE applied_at IS NOT NULL`),
		q(`SELECT count(*) FROM order_events WHERE kind = 'message'`))
}
