package app

import (
	"strings"
	"unicode"
)

// The column roles a header row can name.
const (
	roleOffer = iota + 1
	roleSpec
	roleSKU
	roleQuantity
	roleNote
)

// headerWords are the header cells caigou recognises, normalised by headerWord: English,
// Russian and Chinese, including the headers of caigou's own order export in each language.
var headerWords = map[string]int{
	"offer": roleOffer, "offerid": roleOffer, "offerlink": roleOffer, "offerurl": roleOffer,
	"link": roleOffer, "url": roleOffer, "product": roleOffer, "productid": roleOffer,
	"productlink": roleOffer, "producturl": roleOffer, "item": roleOffer, "itemid": roleOffer,
	"ссылка": roleOffer, "ссылканатовар": roleOffer, "товар": roleOffer, "idтовара": roleOffer,
	"кодтовара": roleOffer, "оффер": roleOffer, "商品": roleOffer, "商品id": roleOffer,
	"商品链接": roleOffer, "链接": roleOffer, "货品": roleOffer, "货品id": roleOffer, "商品编号": roleOffer,

	"spec": roleSpec, "specid": roleSpec, "specorsku": roleSpec, "specidorsku": roleSpec,
	"idварианта": roleSpec, "规格id": roleSpec,

	"sku": roleSKU, "skutext": roleSKU, "variant": roleSKU, "вариант": roleSKU,
	"характеристики": roleSKU, "规格": roleSKU, "sku属性": roleSKU, "规格属性": roleSKU, "属性": roleSKU,

	"quantity": roleQuantity, "qty": roleQuantity, "count": roleQuantity, "pieces": roleQuantity,
	"pcs": roleQuantity, "количество": roleQuantity, "колво": roleQuantity, "кол": roleQuantity,
	"шт": roleQuantity, "штук": roleQuantity, "数量": roleQuantity, "购买数量": roleQuantity,
	"采购数量": roleQuantity, "件数": roleQuantity,

	"note": roleNote, "notes": roleNote, "comment": roleNote, "comments": roleNote,
	"remark": roleNote, "remarks": roleNote, "примечание": roleNote, "комментарий": roleNote,
	"заметка": roleNote, "备注": roleNote, "说明": roleNote,
}

// headerWord normalises a header cell: lower case, without spaces and punctuation, so that
// "Offer ID", "offer_id" and "Кол-во:" match their entries.
func headerWord(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// headerColumns decides whether the first row is a header, and if so where its columns are.
// A header's first cell is not an offer and its quantity column is not a number (so a data row
// with a broken link still reports its problem); then either it names columns caigou knows, or
// its first cell does not even try to be a link. Columns are taken from the names when they
// name at least the offer and the quantity, and from the documented order otherwise.
func headerColumns(rec []string) (csvColumns, bool) {
	if _, err := ParseOfferID(cell(rec, 0)); err == nil {
		return csvColumns{}, false
	}
	if _, err := parseQuantity(cell(rec, positionalColumns.quantity)); err == nil {
		return csvColumns{}, false
	}
	named := csvColumns{-1, -1, -1, -1, -1}
	known := false
	for i, v := range rec {
		var slot *int
		switch headerWords[headerWord(v)] {
		case roleOffer:
			slot = &named.offer
		case roleSpec:
			slot = &named.spec
		case roleSKU:
			slot = &named.sku
		case roleQuantity:
			slot = &named.quantity
		case roleNote:
			slot = &named.note
		default:
			continue
		}
		known = true
		if *slot < 0 {
			*slot = i
		}
	}
	switch {
	case known && named.offer >= 0 && named.quantity >= 0:
		return named, true
	case known || !linkLike(cell(rec, 0)):
		return positionalColumns, true
	}
	return csvColumns{}, false
}

// linkLike reports whether a cell tries to be a link or an id, even a broken one.
func linkLike(s string) bool {
	return strings.ContainsAny(s, "./0123456789")
}
