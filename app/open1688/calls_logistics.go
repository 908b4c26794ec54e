package open1688

import (
	"context"
	"errors"
	"strings"
	"time"
)

// The logistics APIs live in com.alibaba.logistics, not com.alibaba.trade: with the trade
// namespace the gateway answers gw.APIUnsupported (1688.md §1.1).
var (
	specLogisticsInfos = apiSpec{namespace: "com.alibaba.logistics", name: "alibaba.trade.getLogisticsInfos.buyerView", version: 1, token: true, retry: true}
	specLogisticsTrace = apiSpec{namespace: "com.alibaba.logistics", name: "alibaba.trade.getLogisticsTraceInfo.buyerView", version: 1, token: true, retry: true}
)

// codeNotShipped is getLogisticsInfos' answer for an order that has no shipment yet (§3.6).
const codeNotShipped = "500_2"

// ShipmentStatus is a logistics order's status as 1688 sends it (1688.md §3.6).
type ShipmentStatus string

// The documented shipment statuses.
const (
	ShipmentWaitAccept ShipmentStatus = "WAITACCEPT" // waiting for the carrier to accept
	ShipmentCancel     ShipmentStatus = "CANCEL"
	ShipmentAccept     ShipmentStatus = "ACCEPT"    // accepted by the carrier
	ShipmentTransport  ShipmentStatus = "TRANSPORT" // in transit
	ShipmentNoGet      ShipmentStatus = "NOGET"     // pickup failed
	ShipmentSign       ShipmentStatus = "SIGN"      // signed for
	ShipmentUnsign     ShipmentStatus = "UNSIGN"    // refused or not signed
)

// LogisticsInfosRequest asks for the shipments of one order.
type LogisticsInfosRequest struct {
	OrderID string   // required
	Fields  []string // optional: the fields to return; empty means the platform's default
}

// LogisticsInfosResult lists an order's shipments; empty while nothing has shipped.
type LogisticsInfosResult struct {
	Shipments []Shipment
}

// Shipment is one logistics order of an order.
type Shipment struct {
	LogisticsID    string         // the platform's logistics order id, e.g. "BX…"
	BillNo         string         // the carrier's tracking number
	Status         ShipmentStatus // raw
	OrderEntryIDs  []string       // the order lines it carries (sub-item ids)
	CompanyID      string
	CompanyName    string
	CompanyNo      string
	Remarks        string
	ServiceFeature string
	Sent           time.Time // gmtSystemSend
	Goods          []ShippedGoods
	Receiver       Party
	Sender         Party
}

// ShippedGoods is one entry of what a shipment carries.
type ShippedGoods struct {
	Name     string
	Quantity float64
	Unit     string
}

// Party is the receiver or the sender of a shipment.
type Party struct {
	Name, Phone, Mobile                string
	Province, City, County, Address    string
	ProvinceCode, CityCode, CountyCode string
}

// LogisticsInfos lists an order's shipments through getLogisticsInfos.buyerView. An order that
// has not shipped (error 500_2) gives an empty list, not an error: it is the normal state of a
// paid order.
func (c *Client) LogisticsInfos(ctx context.Context, req LogisticsInfosRequest) (*LogisticsInfosResult, error) {
	if err := checkID("OrderID", req.OrderID); err != nil {
		return nil, err
	}
	params := map[string]string{"webSite": webSite, "orderId": req.OrderID}
	setIf(params, "fields", strings.Join(req.Fields, ","))
	body, err := c.call(ctx, specLogisticsInfos, params)
	var e *Error
	if errors.As(err, &e) && e.Code == codeNotShipped {
		return &LogisticsInfosResult{}, nil
	}
	if err != nil {
		return nil, err
	}
	return parseLogisticsInfos(body)
}

type wireShipment struct {
	LogisticsID    jsonText    `json:"logisticsId"`
	BillNo         jsonText    `json:"logisticsBillNo"`
	OrderEntryIDs  jsonText    `json:"orderEntryIds"`
	Status         jsonText    `json:"status"`
	CompanyID      jsonText    `json:"logisticsCompanyId"`
	CompanyName    jsonText    `json:"logisticsCompanyName"`
	CompanyNo      jsonText    `json:"logisticsCompanyNo"`
	Remarks        jsonText    `json:"remarks"`
	ServiceFeature jsonText    `json:"serviceFeature"`
	GmtSystemSend  jsonTime    `json:"gmtSystemSend"`
	SendGoods      []wireGoods `json:"sendGoods"`
	Receiver       wireParty   `json:"receiver"`
	Sender         wireSender  `json:"sender"`
}

type wireGoods struct {
	Name     jsonText     `json:"goodName"`
	Quantity jsonQuantity `json:"quantity"`
	Unit     jsonText     `json:"unit"`
}

type wireParty struct {
	Name         jsonText `json:"receiverName"`
	Phone        jsonText `json:"receiverPhone"`
	Mobile       jsonText `json:"receiverMobile"`
	Province     jsonText `json:"receiverProvince"`
	City         jsonText `json:"receiverCity"`
	County       jsonText `json:"receiverCounty"`
	Address      jsonText `json:"receiverAddress"`
	ProvinceCode jsonText `json:"receiverProvinceCode"`
	CityCode     jsonText `json:"receiverCityCode"`
	CountyCode   jsonText `json:"receiverCountyCode"`
}

// wireSender has the receiver's fields with the sender prefix.
type wireSender struct {
	Name         jsonText `json:"senderName"`
	Phone        jsonText `json:"senderPhone"`
	Mobile       jsonText `json:"senderMobile"`
	Province     jsonText `json:"senderProvince"`
	City         jsonText `json:"senderCity"`
	County       jsonText `json:"senderCounty"`
	Address      jsonText `json:"senderAddress"`
	ProvinceCode jsonText `json:"senderProvinceCode"`
	CityCode     jsonText `json:"senderCityCode"`
	CountyCode   jsonText `json:"senderCountyCode"`
}

// party converts either wire form; they differ only in their JSON names.
func (p wireParty) party() Party {
	return Party{
		Name: string(p.Name), Phone: string(p.Phone), Mobile: string(p.Mobile),
		Province: string(p.Province), City: string(p.City), County: string(p.County),
		Address: string(p.Address), ProvinceCode: string(p.ProvinceCode),
		CityCode: string(p.CityCode), CountyCode: string(p.CountyCode),
	}
}

// parseLogisticsInfos reads {result: LogisticsOrder[], success, errorCode, errorMessage}.
func parseLogisticsInfos(body []byte) (*LogisticsInfosResult, error) {
	api := specLogisticsInfos.name
	var w struct {
		outcome
		Result []wireShipment `json:"result"`
	}
	if err := decodeBody(body, &w); err != nil {
		return nil, malformed(api, body, err)
	}
	if w.failed() {
		if w.code() == codeNotShipped {
			return &LogisticsInfosResult{}, nil
		}
		return nil, w.err(api, body)
	}
	res := &LogisticsInfosResult{Shipments: make([]Shipment, 0, len(w.Result))}
	for _, s := range w.Result {
		sh := Shipment{
			LogisticsID: string(s.LogisticsID), BillNo: string(s.BillNo),
			Status: ShipmentStatus(s.Status), OrderEntryIDs: splitList(string(s.OrderEntryIDs)),
			CompanyID: string(s.CompanyID), CompanyName: string(s.CompanyName), CompanyNo: string(s.CompanyNo),
			Remarks: string(s.Remarks), ServiceFeature: string(s.ServiceFeature),
			Sent: time.Time(s.GmtSystemSend), Receiver: s.Receiver.party(),
			Sender: wireParty(s.Sender).party(),
		}
		for _, g := range s.SendGoods {
			sh.Goods = append(sh.Goods, ShippedGoods{Name: string(g.Name), Quantity: float64(g.Quantity), Unit: string(g.Unit)})
		}
		res.Shipments = append(res.Shipments, sh)
	}
	return res, nil
}
