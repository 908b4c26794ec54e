package sim

// GatewayError is a gateway-level refusal: an HTTP status with the body
// {"error_code":Code,"error_message":Message,"request_id":...} of 1688.md
// §4.1.
type GatewayError struct {
	Status  int
	Code    string
	Message string
}

// Codes holds every error code the simulator answers with that 1688.md
// does not pin down (GUESS). The zero value of a field means the default
// noted next to it; tests and practice mode may override any of them.
type Codes struct {
	// Cap is the answer once the daily traffic cap is reached. 1688.md §7
	// says gw.QosAppFrequencyLimit for an exhausted quota; §4.1 also lists
	// gw.NoUsageLeftError ("SLA bill has no usage left"), so set this to
	// that code to test the client's quota kind.
	Cap GatewayError
	// RateLimit is the default answer of an injected rate limit:
	// gw.QosAppFrequencyLimit, "App call exceeds limited frequency" (§4.1).
	RateLimit GatewayError
	// ParamInvalid answers a parameter that is present but unusable (bad
	// JSON, a non-number id). 1688.md lists only gw.ParamMissing, so the
	// default gw.ParamInvalid (HTTP 400) is a GUESS.
	ParamInvalid string

	// Ordering rules (preview: errorCode/errorMsg; fastCreateOrder:
	// code/message). 1688.md §3.1 documents 500_001…500_009 without saying
	// which is which, so the assignment below is a GUESS.
	OfferNotFound     string // default "500_001"
	SKUNotFound       string // default "500_002"
	BelowMinQuantity  string // default "500_003"
	AddressInvalid    string // default "500_004"
	NewSeller         string // default "500_005" (新商家首单不可, §3.2)
	MultiSeller       string // default "500_006": one seller per fastCreateOrder, as createCrossOrder states
	DuplicateOutOrder string // default "500_007", used only with Options.RejectDuplicateOutOrderID

	// OrderNotFound answers get.buyerView and cancel for an unknown order
	// or another buyer's order. Default "ORDER_NOT_EXIST" (§3.5 documents
	// it for cancel; reused for buyerView as a GUESS).
	OrderNotFound string
	// ProductNotFound answers alibaba.product.get for an unknown offer.
	// Default "PRODUCT_NOT_EXIST" (GUESS; §3.8 gives no error codes).
	ProductNotFound string
	// PayNotAllowed answers alibaba.alipay.url.get when no listed order can
	// be paid. Default "ORDER_STATUS_ERROR" (GUESS).
	PayNotAllowed string
}

func (c Codes) withDefaults() Codes {
	if c.Cap.Code == "" {
		c.Cap = GatewayError{400, "gw.QosAppFrequencyLimit", "App call exceeds limited frequency"}
	}
	if c.Cap.Status == 0 {
		c.Cap.Status = 400
	}
	if c.RateLimit.Code == "" {
		c.RateLimit = GatewayError{400, "gw.QosAppFrequencyLimit", "App call exceeds limited frequency"}
	}
	if c.RateLimit.Status == 0 {
		c.RateLimit.Status = 400
	}
	def := func(p *string, v string) {
		if *p == "" {
			*p = v
		}
	}
	def(&c.ParamInvalid, "gw.ParamInvalid")
	def(&c.OfferNotFound, "500_001")
	def(&c.SKUNotFound, "500_002")
	def(&c.BelowMinQuantity, "500_003")
	def(&c.AddressInvalid, "500_004")
	def(&c.NewSeller, "500_005")
	def(&c.MultiSeller, "500_006")
	def(&c.DuplicateOutOrder, "500_007")
	def(&c.OrderNotFound, "ORDER_NOT_EXIST")
	def(&c.ProductNotFound, "PRODUCT_NOT_EXIST")
	def(&c.PayNotAllowed, "ORDER_STATUS_ERROR")
	return c
}
