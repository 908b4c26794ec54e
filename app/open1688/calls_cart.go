package open1688

import "encoding/json"

// FlowGeneral is the ordinary ordering flow (flow=general), the one PreviewOrder and CreateOrder
// use when the request names none, so that a preview prices the order the same way it is placed.
const FlowGeneral = "general"

// Address is where an order goes: the addressParam of preview and create (1688.md §3.1). Either
// AddressID names an entry of the account's address book, or the text fields spell it out.
type Address struct {
	AddressID    int64  `json:"addressId,omitempty"`
	FullName     string `json:"fullName,omitempty"`
	Mobile       string `json:"mobile,omitempty"`
	Phone        string `json:"phone,omitempty"`
	PostCode     string `json:"postCode,omitempty"`
	ProvinceText string `json:"provinceText,omitempty"`
	CityText     string `json:"cityText,omitempty"`
	AreaText     string `json:"areaText,omitempty"`
	TownText     string `json:"townText,omitempty"`
	Address      string `json:"address,omitempty"` // street and house
	DistrictCode string `json:"districtCode,omitempty"`
}

// CartItem is one line to order: an offer, the SKU chosen in it, and how many.
type CartItem struct {
	OfferID  string  // the offer (product) id, digits
	SpecID   string  // skuInfos[].specId of the chosen SKU; empty for an offer without SKUs
	Quantity float64 // the platform types it as a decimal; most goods take whole numbers
}

// wireCargo is a CartItem as cargoParamList carries it: offerId is a long on the platform, so
// it goes out as a JSON number written from its digits.
type wireCargo struct {
	OfferID  json.Number `json:"offerId"`
	SpecID   string      `json:"specId,omitempty"`
	Quantity float64     `json:"quantity"`
}

// cartParams checks the address and the lines and writes addressParam and cargoParamList, the
// JSON texts that are sent and signed.
func cartParams(params map[string]string, addr Address, items []CartItem, flow string) error {
	if len(items) == 0 {
		return invalid("no items to order")
	}
	if addr.AddressID == 0 && (addr.FullName == "" || addr.Address == "") {
		return invalid("the address needs an AddressID or a name and a street address")
	}
	cargo := make([]wireCargo, len(items))
	for i, it := range items {
		if err := checkID("OfferID", it.OfferID); err != nil {
			return err
		}
		if !(it.Quantity > 0) {
			return invalid("quantity %v of offer %s is not positive", it.Quantity, it.OfferID)
		}
		cargo[i] = wireCargo{OfferID: json.Number(it.OfferID), SpecID: it.SpecID, Quantity: it.Quantity}
	}
	a, err := marshalParam(addr)
	if err != nil {
		return invalid("address: %v", err)
	}
	c, err := marshalParam(cargo)
	if err != nil {
		return invalid("items: %v", err)
	}
	params["addressParam"] = a
	params["cargoParamList"] = c
	if flow == "" {
		flow = FlowGeneral
	}
	params["flow"] = flow
	return nil
}
