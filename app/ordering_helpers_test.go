package app

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"caigou/app/sim"
)

// A second seller the demo buyer has bought from, so a cart can span two orderable sellers.
const (
	testPenSeller      = "b2b-5550001112223aa"
	testPenSellerLogin = "宁波文具厂"
	testPenOfferID     = int64(624281887811)
)

// newOrderingApp is newDemoApp against a simulator that also sells pens from testPenSeller.
func newOrderingApp(t *testing.T, opts sim.Options) (*App, *sim.Sim) {
	t.Helper()
	a, srv := newDemoApp(t, opts)
	require.NoError(t, srv.AddSeller(sim.Seller{MemberID: testPenSeller, LoginID: testPenSellerLogin, ShippingFeeFen: 600}))
	require.NoError(t, srv.AddProduct(sim.Product{OfferID: testPenOfferID, Subject: "中性笔 12支装", SellerMemberID: testPenSeller, PriceFen: 1200}))
	require.NoError(t, srv.MarkBoughtFrom(sim.DemoBuyer, testPenSeller))
	return a, srv
}

// newDemoApp is an App whose active key is the simulator's demo key, against a simulator of the
// demo world (one order in each bucket) started with opts.
func newDemoApp(t *testing.T, opts sim.Options) (*App, *sim.Sim) {
	t.Helper()
	opts.Seed = true
	srv, err := sim.Start(opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Close() })
	a := newTestApp(t)
	a.SetEndpoints(Endpoints{Gateway: srv.URL(), Channel: srv.ChannelURL()})
	activateDemoKey(t, a)
	return a, srv
}

// activateDemoKey makes the simulator's demo key and buyer account the active key of a, its
// secrets in a mock keychain, as the wizard leaves a verified key; it returns the key's id.
func activateDemoKey(t *testing.T, a *App) int64 {
	t.Helper()
	keyring.MockInit()
	ctx := context.Background()
	keyID, err := a.StartKey(ctx)
	require.NoError(t, err)
	require.NoError(t, a.SaveKeyCredentials(ctx, keyID, sim.DemoAppKey, sim.DemoAppSecret))
	require.NoError(t, a.SaveAccount(ctx, keyID, sim.DemoBuyerLogin, sim.DemoAccessToken))
	require.NoError(t, a.SetActiveKey(ctx, keyID))
	return keyID
}

// saveTestAddress adds the demo receiver to the address book.
func saveTestAddress(t *testing.T, a *App) int64 {
	t.Helper()
	id, err := a.SaveAddress(context.Background(), Address{
		FullName: "张三", Mobile: "13800138000", Province: "浙江省", City: "金华市", Area: "义乌市",
		Street: "稠城街道 1 号", PostCode: "322000",
	})
	require.NoError(t, err)
	return id
}

// addOffer looks an offer up and adds quantity of its SKU specID to the cart.
func addOffer(t *testing.T, a *App, offerID int64, specID string, quantity int) Offer {
	t.Helper()
	ctx := context.Background()
	o, err := a.LookUpOffer(ctx, strconv.FormatInt(offerID, 10))
	require.NoError(t, err)
	require.NoError(t, a.AddToCart(ctx, o, specID, quantity, ""))
	return o
}

// queryCount is the number a count query gives, for asserting what the database holds.
func queryCount(t *testing.T, a *App, query string, args ...any) int {
	t.Helper()
	var n int
	require.NoError(t, a.db.SQL().QueryRow(query, args...).Scan(&n))
	return n
}

// simOrdersWithOutID are the simulator's orders placed through the API (they carry an outOrderId).
func simOrdersWithOutID(srv *sim.Sim) []sim.Order {
	var out []sim.Order
	for _, o := range srv.Orders() {
		if o.OutOrderID != "" {
			out = append(out, o)
		}
	}
	return out
}
