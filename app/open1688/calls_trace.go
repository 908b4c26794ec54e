package open1688

import (
	"context"
	"time"
)

// LogisticsTraceRequest asks for the tracking trace of an order's shipments.
type LogisticsTraceRequest struct {
	OrderID     string // required
	LogisticsID string // optional: only this logistics order
}

// LogisticsTraceResult holds one trace per shipment. It is empty while the carrier has reported
// nothing; Note then carries the platform's explanation, e.g. "该订单没有物流跟踪信息。".
type LogisticsTraceResult struct {
	Traces []Trace
	Note   string
}

// Trace is the tracking history of one shipment.
type Trace struct {
	LogisticsID string
	OrderID     string
	BillNo      string
	Steps       []TraceStep // logisticsSteps: the carrier's events, oldest first as sent
	Nodes       []TraceNode // traceNodeList: the same events with facility details, when sent
}

// TraceStep is one event of a trace.
type TraceStep struct {
	Time   time.Time // acceptTime, sent as yyyy-MM-dd HH:mm:ss China time
	Remark string
}

// TraceNode is one event with where it happened.
type TraceNode struct {
	Time         time.Time
	Action       string
	AreaCode     string
	Remark       string
	FacilityType string
	FacilityNo   string
	FacilityName string
}

// LogisticsTrace reads the carrier's tracking events through getLogisticsTraceInfo.buyerView.
// "No trace yet" arrives as success with an error message and no data (1688.md §3.7); that is
// an empty result, not an error.
func (c *Client) LogisticsTrace(ctx context.Context, req LogisticsTraceRequest) (*LogisticsTraceResult, error) {
	if err := checkID("OrderID", req.OrderID); err != nil {
		return nil, err
	}
	params := map[string]string{"webSite": webSite, "orderId": req.OrderID}
	setIf(params, "logisticsId", req.LogisticsID)
	body, err := c.call(ctx, specLogisticsTrace, params)
	if err != nil {
		return nil, err
	}
	return parseLogisticsTrace(body)
}

type wireTrace struct {
	LogisticsID jsonText `json:"logisticsId"`
	OrderID     jsonID   `json:"orderId"`
	BillNo      jsonText `json:"logisticsBillNo"`
	Steps       []struct {
		AcceptTime jsonTime `json:"acceptTime"`
		Remark     jsonText `json:"remark"`
	} `json:"logisticsSteps"`
	Nodes []struct {
		AcceptTime   jsonTime `json:"acceptTime"`
		Action       jsonText `json:"action"`
		AreaCode     jsonText `json:"areaCode"`
		Remark       jsonText `json:"remark"`
		FacilityType jsonText `json:"facilityType"`
		FacilityNo   jsonText `json:"facilityNo"`
		FacilityName jsonText `json:"facilityName"`
	} `json:"traceNodeList"`
}

// parseLogisticsTrace reads {logisticsTrace: [...], success, errorCode, errorMessage}.
func parseLogisticsTrace(body []byte) (*LogisticsTraceResult, error) {
	api := specLogisticsTrace.name
	var w struct {
		outcome
		Traces []wireTrace `json:"logisticsTrace"`
	}
	if err := decodeBody(body, &w); err != nil {
		return nil, malformed(api, body, err)
	}
	if w.failed() {
		return nil, w.err(api, body)
	}
	res := &LogisticsTraceResult{Traces: make([]Trace, 0, len(w.Traces))}
	if len(w.Traces) == 0 {
		res.Note = w.message()
	}
	for _, t := range w.Traces {
		tr := Trace{LogisticsID: string(t.LogisticsID), OrderID: string(t.OrderID), BillNo: string(t.BillNo)}
		for _, s := range t.Steps {
			tr.Steps = append(tr.Steps, TraceStep{Time: time.Time(s.AcceptTime), Remark: string(s.Remark)})
		}
		for _, n := range t.Nodes {
			tr.Nodes = append(tr.Nodes, TraceNode{
				Time: time.Time(n.AcceptTime), Action: string(n.Action), AreaCode: string(n.AreaCode),
				Remark: string(n.Remark), FacilityType: string(n.FacilityType),
				FacilityNo: string(n.FacilityNo), FacilityName: string(n.FacilityName),
			})
		}
		res.Traces = append(res.Traces, tr)
	}
	return res, nil
}
