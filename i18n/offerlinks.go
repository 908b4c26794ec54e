package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// Order entry: why a pasted link or id gave no offer, and what to paste instead.
var (
	LinkEmpty = &goi18n.Message{
		ID:          "LinkEmpty",
		Description: "Order entry: the user pasted nothing",
		Other:       "Paste a link to a 1688 offer, for example https://detail.1688.com/offer/655512340001.html, or its number.",
	}
	LinkNotOfferLink = &goi18n.Message{
		ID:          "LinkNotOfferLink",
		Description: "Order entry: the pasted text holds no 1688 offer link or id",
		Other:       "This is not a link to a 1688 offer. Open the product on 1688 and copy the address, for example https://detail.1688.com/offer/655512340001.html, or paste the offer number alone.",
	}
	LinkOtherHost = &goi18n.Message{
		ID:          "LinkOtherHost",
		Description: "Order entry: a link to a site other than 1688",
		Other:       "This link is not on 1688. caigou orders only on 1688: paste a link that starts with https://detail.1688.com/offer/.",
	}
	LinkLookalikeHost = &goi18n.Message{
		ID:          "LinkLookalikeHost",
		Description: "Order entry: a link whose address imitates 1688 (e.g. detail.1688.com.evil.cn); a warning",
		Other:       "This link only looks like 1688 and leads to another site. Do not open it. Open the product on 1688 itself and copy the address that starts with https://detail.1688.com/offer/.",
	}
	LinkSearchPage = &goi18n.Message{
		ID:          "LinkSearchPage",
		Description: "Order entry: a link to a 1688 search results page instead of one product",
		Other:       "This is a 1688 search page, not one product. Open the product from the results and copy its address, which looks like https://detail.1688.com/offer/655512340001.html.",
	}
	LinkNotOfferPage = &goi18n.Message{
		ID:          "LinkNotOfferPage",
		Description: "Order entry: a 1688 page that is not a product (a shop, the home page)",
		Other:       "This 1688 page is not a product. Open the product itself and copy its address, which looks like https://detail.1688.com/offer/655512340001.html.",
	}
	LinkOfferIDInvalid = &goi18n.Message{
		ID:          "LinkOfferIDInvalid",
		Description: "Order entry: the offer number is not Min to Max digits",
		Other:       "An offer number has {{.Min}} to {{.Max}} digits and nothing else. Copy it again from the product's address, or paste the whole link.",
	}
	LinkSeveralOffers = &goi18n.Message{
		ID:          "LinkSeveralOffers",
		Description: "Order entry: one line of the paste holds links to different products",
		Other:       "This line holds several different products. Put each link on a line of its own.",
	}
)
