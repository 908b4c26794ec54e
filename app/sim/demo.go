package sim

import "time"

// The demo world that Options.Seed creates. Practice mode shows it, and
// tests use it when they need "a working key with some orders".
const (
	DemoAppKey       = "7654321"
	DemoAppSecret    = "DemoSecret-7654321"
	DemoBuyer        = "b2b-2209876543210"
	DemoBuyerLogin   = "caigou_demo"
	DemoAccessToken  = "demo-access-token-0001" // persistent, never expires
	DemoExpiredToken = "demo-access-token-expired"
	DemoRefreshToken = "demo-refresh-token-0001"

	DemoSeller    = "b2b-1676547900b7bb3" // the buyer has bought here before
	DemoNewSeller = "b2b-3399112233c44dd" // never bought from: first order refused

	DemoOfferID        int64 = 624281887788 // two SKUs, min order 2
	DemoSpecRed              = "b266e0726506185beaf205cbae88530d"
	DemoSpecBlue             = "2ba3d63866a71fbae4e4d1d2fd7dcb6b"
	DemoSingleOfferID  int64 = 624281887799 // no SKUs, min order 10
	DemoNewSellerOffer int64 = 655512340001 // sold by DemoNewSeller
)

// seedDemo builds the demo world. Errors cannot happen with these fixed
// values, so they are ignored.
func (s *Sim) seedDemo() {
	w := s.World
	now := s.opts.Now()
	_ = w.AddApp(App{Key: DemoAppKey, Secret: DemoAppSecret})
	_ = w.AddBuyer(Buyer{MemberID: DemoBuyer, LoginID: DemoBuyerLogin, AliID: "2209876543210", BoughtFrom: []string{DemoSeller}})
	_ = w.Authorize(Authorization{AppKey: DemoAppKey, MemberID: DemoBuyer, AccessToken: DemoAccessToken, RefreshToken: DemoRefreshToken})
	_ = w.Authorize(Authorization{AppKey: DemoAppKey, MemberID: DemoBuyer, AccessToken: DemoExpiredToken, TokenExpires: now.Add(-time.Hour)})
	_ = w.AddSeller(Seller{MemberID: DemoSeller, LoginID: "义乌小商品厂", Company: "义乌市小商品有限公司", ShippingFeeFen: 800})
	_ = w.AddSeller(Seller{MemberID: DemoNewSeller, LoginID: "广州服装批发", Company: "广州市服装批发有限公司", ShippingFeeFen: 1000})
	_ = w.AddProduct(Product{
		OfferID: DemoOfferID, Subject: "加厚保温杯 500ml 不锈钢", SellerMemberID: DemoSeller, MinOrderQuantity: 2,
		ImageURL: "https://cbu01.alicdn.com/img/ibank/demo-cup.jpg",
		SKUs: []SKU{
			{SpecID: DemoSpecRed, Attributes: []Attribute{{3216, "颜色", "红色"}}, PriceFen: 1250, Stock: 500},
			{SpecID: DemoSpecBlue, Attributes: []Attribute{{3216, "颜色", "蓝色"}}, PriceFen: 1290, Stock: 300},
		},
	})
	_ = w.AddProduct(Product{OfferID: DemoSingleOfferID, Subject: "一次性手套 100只装", SellerMemberID: DemoSeller, MinOrderQuantity: 10, PriceFen: 399})
	_ = w.AddProduct(Product{OfferID: DemoNewSellerOffer, Subject: "纯棉T恤 男款", SellerMemberID: DemoNewSeller, PriceFen: 2500})

	addr := Address{FullName: "张三", Mobile: "13800138000", ProvinceText: "浙江省", CityText: "金华市", AreaText: "义乌市", Address: "稠城街道 1 号", PostCode: "322000"}
	line := func(spec string, qty int) []OrderLine {
		price, attr := int64(1250), "红色"
		if spec == DemoSpecBlue {
			price, attr = 1290, "蓝色"
		}
		return []OrderLine{{
			OfferID: DemoOfferID, SpecID: spec, Name: "加厚保温杯 500ml 不锈钢", Quantity: qty, Unit: "件", PriceFen: price,
			Attributes: []Attribute{{3216, "颜色", attr}},
		}}
	}
	mk := func(ago time.Duration, spec string, qty int) int64 {
		id, _ := w.AddOrder(Order{
			BuyerMemberID: DemoBuyer, SellerMemberID: DemoSeller, Lines: line(spec, qty),
			ShippingFeeFen: 800, Address: addr, Created: now.Add(-ago),
		})
		return id
	}
	// One order in each bucket the tracking screen shows.
	mk(2*time.Hour, DemoSpecRed, 2) // awaiting payment
	paid := mk(26*time.Hour, DemoSpecBlue, 4)
	_ = w.Pay(paid)
	shipped := mk(50*time.Hour, DemoSpecRed, 6)
	_ = w.Pay(shipped)
	_, _ = w.Ship(shipped, Shipment{})
	_ = w.AddTrace(shipped, "ACCEPT", "【金华市】快件已揽收")
	_ = w.AddTrace(shipped, "TRANSPORT", "【杭州市】快件已到达 杭州转运中心")
	done := mk(120*time.Hour, DemoSpecBlue, 10)
	_ = w.Pay(done)
	_, _ = w.Ship(done, Shipment{CompanyName: "中通快递", CompanyNo: "ZTO"})
	_ = w.AddTrace(done, "SIGN", "【义乌市】已签收")
	_ = w.Receive(done)
	_ = w.Complete(done)
	closed := mk(200*time.Hour, DemoSpecRed, 2)
	_ = w.Cancel(closed)
}
