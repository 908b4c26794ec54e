package sim

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"
)

// World is the simulator's in-memory 1688: apps, authorized buyers,
// sellers, products, orders and logistics. One mutex guards it all; the
// simulator is for tests and practice, where simplicity beats throughput.
type World struct {
	mu   sync.Mutex
	opts Options

	apps     map[string]*App
	tokens   map[string]*grant // access token → who and until when
	refresh  map[string]*grant // refresh token → who and until when
	buyers   map[string]*Buyer // member id → buyer
	sellers  map[string]*Seller
	products map[int64]*Product

	orders     map[int64]*Order
	orderIDs   []int64          // creation order, for stable listing
	byOutOrder map[string]int64 // buyer + outOrderId → order id
	nextOrder  int64
	nextSub    int64
	nextLogist int

	// sink receives the messages order moves emit (topics.go); nil while
	// the demo is seeded, so its history sends nothing.
	sink messageSink
}

// App is a 1688 application: its AppKey, AppSecret and the solution's API
// list (ACL).
type App struct {
	Key    string
	Secret string
	// APIs is the ACL as "namespace:apiName" entries, the form of the
	// official doc ids (1688.md §3). Nil means DefaultACL.
	APIs []string
	// DailyCap overrides Options.DailyCap for this app when positive.
	DailyCap int
}

// Buyer is a 1688 member who buys through the solution.
type Buyer struct {
	MemberID string // e.g. "b2b-2201234567"
	LoginID  string // the account name shown as resource_owner
	AliID    string // numeric string, as getToken returns it
	// BoughtFrom lists the sellers (member ids) this buyer has ordered from
	// before; only they accept orders (新商家首单不可, 1688.md §3.2).
	BoughtFrom []string
}

// Authorization is one authorized user of an app with its tokens, as the
// console's 授权配置 page lists them (1688.md §9).
type Authorization struct {
	AppKey   string
	MemberID string
	// AccessToken with its expiry; a zero TokenExpires is the console's
	// persistent token that never expires.
	AccessToken  string
	TokenExpires time.Time
	// RefreshToken is optional; zero RefreshExpires means it never expires.
	RefreshToken   string
	RefreshExpires time.Time
}

type grant struct {
	appKey   string
	memberID string
	expires  time.Time // zero: never
}

func (g *grant) validAt(t time.Time) bool { return g.expires.IsZero() || t.Before(g.expires) }

// Seller is a 1688 supplier.
type Seller struct {
	MemberID string // e.g. "b2b-1676547900b7bb3"
	LoginID  string
	Company  string
	// ShippingFeeFen is the flat carriage the seller charges per order.
	ShippingFeeFen int64
}

// DefaultACL is the API list of the buyer self-use solution as the
// simulator assumes it: every buyer API of 1688.md §3. Which product API
// the solution grants is not confirmed (§3.8); alibaba.product.get is in
// by default and can be dropped with SetACL.
var DefaultACL = []string{
	"com.alibaba.trade:alibaba.createOrder.preview",
	"com.alibaba.trade:alibaba.trade.fastCreateOrder",
	"com.alibaba.trade:alibaba.trade.get.buyerView",
	"com.alibaba.trade:alibaba.trade.getBuyerOrderList",
	"com.alibaba.trade:alibaba.trade.cancel",
	"com.alibaba.trade:alibaba.alipay.url.get",
	"com.alibaba.logistics:alibaba.trade.getLogisticsInfos.buyerView",
	"com.alibaba.logistics:alibaba.trade.getLogisticsTraceInfo.buyerView",
	"com.alibaba.product:alibaba.product.get",
}

// firstOrderID is where order ids start: above 2^53, so a client that
// parses ids through float64 gets the wrong order (1688.md §7.4).
const firstOrderID int64 = 3717426277620540788

// ErrNotFound is returned by World methods for an unknown id.
var ErrNotFound = errors.New("sim: not found")

func newWorld(opts Options) *World {
	return &World{
		opts:       opts,
		apps:       map[string]*App{},
		tokens:     map[string]*grant{},
		refresh:    map[string]*grant{},
		buyers:     map[string]*Buyer{},
		sellers:    map[string]*Seller{},
		products:   map[int64]*Product{},
		orders:     map[int64]*Order{},
		byOutOrder: map[string]int64{},
		nextOrder:  firstOrderID,
		// Sub-item ids are as long as order ids in real data.
		nextSub: 3717426277621540001,
	}
}

func (w *World) now() time.Time { return w.opts.Now() }

// AddApp registers an app, replacing one with the same key.
func (w *World) AddApp(a App) error {
	if a.Key == "" || a.Secret == "" {
		return errors.New("sim: app needs Key and Secret")
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	a.APIs = slices.Clone(a.APIs)
	w.apps[a.Key] = &a
	return nil
}

// SetACL replaces an app's API list ("namespace:apiName" entries).
func (w *World) SetACL(appKey string, apis ...string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	a, ok := w.apps[appKey]
	if !ok {
		return fmt.Errorf("app %s: %w", appKey, ErrNotFound)
	}
	a.APIs = append([]string{}, apis...)
	return nil
}

// AddBuyer registers a buyer member, replacing one with the same id.
func (w *World) AddBuyer(b Buyer) error {
	if b.MemberID == "" {
		return errors.New("sim: buyer needs MemberID")
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	b.BoughtFrom = slices.Clone(b.BoughtFrom)
	w.buyers[b.MemberID] = &b
	return nil
}

// MarkBoughtFrom records that the buyer has ordered from the seller
// before, so new orders to that seller are accepted.
func (w *World) MarkBoughtFrom(buyerMemberID, sellerMemberID string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	b, ok := w.buyers[buyerMemberID]
	if !ok {
		return fmt.Errorf("buyer %s: %w", buyerMemberID, ErrNotFound)
	}
	if !slices.Contains(b.BoughtFrom, sellerMemberID) {
		b.BoughtFrom = append(b.BoughtFrom, sellerMemberID)
	}
	return nil
}

// Authorize lets a buyer use an app and registers the tokens. It may be
// called several times for one buyer, e.g. to add an expired token next
// to a valid one.
func (w *World) Authorize(a Authorization) error {
	if a.AccessToken == "" {
		return errors.New("sim: authorization needs AccessToken")
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := w.apps[a.AppKey]; !ok {
		return fmt.Errorf("app %s: %w", a.AppKey, ErrNotFound)
	}
	if _, ok := w.buyers[a.MemberID]; !ok {
		return fmt.Errorf("buyer %s: %w", a.MemberID, ErrNotFound)
	}
	w.tokens[a.AccessToken] = &grant{a.AppKey, a.MemberID, a.TokenExpires}
	if a.RefreshToken != "" {
		w.refresh[a.RefreshToken] = &grant{a.AppKey, a.MemberID, a.RefreshExpires}
	}
	return nil
}

// ExpireToken makes an access token expire now, as after its 10 hours.
func (w *World) ExpireToken(accessToken string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	g, ok := w.tokens[accessToken]
	if !ok {
		return fmt.Errorf("token: %w", ErrNotFound)
	}
	g.expires = w.now()
	return nil
}

// AddSeller registers a seller, replacing one with the same id.
func (w *World) AddSeller(s Seller) error {
	if s.MemberID == "" {
		return errors.New("sim: seller needs MemberID")
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.sellers[s.MemberID] = &s
	return nil
}

// tokenOwner resolves an access token for an app. A token issued to one
// app is not valid for another.
func (w *World) tokenOwner(appKey, token string) (*Buyer, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	g, ok := w.tokens[token]
	if !ok || g.appKey != appKey || !g.validAt(w.now()) {
		return nil, false
	}
	b, ok := w.buyers[g.memberID]
	return b, ok
}

func (w *World) app(key string) (App, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	a, ok := w.apps[key]
	if !ok {
		return App{}, false
	}
	return *a, true
}

func (a App) allows(api string) bool {
	if a.APIs == nil {
		return slices.Contains(DefaultACL, api)
	}
	return slices.Contains(a.APIs, api)
}
