package app

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/i18n"
)

func TestSaveAddressValidates(t *testing.T) {
	a := newTestApp(t)
	ok := Address{FullName: "张三", Street: "稠城街道 1 号", Mobile: "138 0013 8000"}
	cases := []struct {
		name string
		edit func(*Address)
		want error
	}{
		{"complete", func(*Address) {}, nil},
		{"+86 and spaces in the mobile", func(a *Address) { a.Mobile = "+86 138-0013-8000" }, nil},
		{"a phone instead of a mobile", func(a *Address) { a.Mobile, a.Phone = "", "0579-8512 3456" }, nil},
		{"no name", func(a *Address) { a.FullName = "  " }, ErrAddressNameRequired},
		{"no street", func(a *Address) { a.Street = "" }, ErrAddressStreetRequired},
		{"no way to call", func(a *Address) { a.Mobile = "" }, ErrAddressPhoneRequired},
		{"a short mobile", func(a *Address) { a.Mobile = "1380013800" }, ErrAddressMobileInvalid},
		{"letters in the mobile", func(a *Address) { a.Mobile = "1380013800O" }, ErrAddressMobileInvalid},
		{"a mobile not starting with 1", func(a *Address) { a.Mobile = "23800138000" }, ErrAddressMobileInvalid},
		{"letters in the phone", func(a *Address) { a.Mobile, a.Phone = "", "call me" }, ErrAddressPhoneInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			addr := ok
			c.edit(&addr)
			_, err := a.SaveAddress(context.Background(), addr)
			if c.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, c.want)
			explanation, _ := ExplainOrderError(err)
			assert.NotEmpty(t, explanation)
		})
	}
}

func TestAddressBookKeepsOneDefaultFirst(t *testing.T) {
	ctx := context.Background()
	a := newTestApp(t)
	first, err := a.SaveAddress(ctx, Address{Label: "Office", FullName: "张三", Street: "1 号", Mobile: "13800138000"})
	require.NoError(t, err)
	second, err := a.SaveAddress(ctx, Address{Label: "Warehouse", FullName: "李四", Street: "2 号", Mobile: "13900139000"})
	require.NoError(t, err)
	book, err := a.Addresses(ctx)
	require.NoError(t, err)
	require.Len(t, book, 2)
	assert.Equal(t, first, book[0].ID, "the first address became the default")
	assert.True(t, book[0].Default)
	assert.False(t, book[1].Default)

	require.NoError(t, a.SetDefaultAddress(ctx, second))
	book, err = a.Addresses(ctx)
	require.NoError(t, err)
	assert.Equal(t, []int64{second, first}, []int64{book[0].ID, book[1].ID})
	assert.Equal(t, []bool{true, false}, []bool{book[0].Default, book[1].Default})

	edited := book[0]
	edited.Street = "3 号"
	_, err = a.SaveAddress(ctx, edited)
	require.NoError(t, err)
	require.NoError(t, a.DeleteAddress(ctx, second))
	book, err = a.Addresses(ctx)
	require.NoError(t, err)
	require.Len(t, book, 1)
	assert.True(t, book[0].Default, "the remaining address became the default")
	require.ErrorIs(t, a.DeleteAddress(ctx, second), ErrNoAddress)
	require.ErrorIs(t, a.SetDefaultAddress(ctx, second), ErrNoAddress)
}

func TestOfferImageIsCachedOnDisk(t *testing.T) {
	var hits atomic.Int32
	png := []byte("\x89PNG\r\n\x1a\nfake")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/missing.jpg" {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write(png)
	}))
	defer srv.Close()
	a := newTestApp(t)
	ctx := context.Background()

	for range 2 {
		b, err := a.OfferImage(ctx, srv.URL+"/img/cup.png?x=1")
		require.NoError(t, err)
		assert.Equal(t, png, b)
	}
	assert.Equal(t, int32(1), hits.Load(), "the second load came from the disk")
	files, err := filepath.Glob(filepath.Join(a.DataDir(), "images", "*.png"))
	require.NoError(t, err)
	require.Len(t, files, 1)
	cached, err := os.ReadFile(files[0])
	require.NoError(t, err)
	assert.Equal(t, png, cached)

	_, err = a.OfferImage(ctx, srv.URL+"/missing.jpg")
	require.ErrorIs(t, err, ErrImageFetch)
	for _, bad := range []string{"file:///etc/passwd", "ftp://example.com/a.jpg", "javascript:alert(1)", "//no-scheme/a.jpg", ""} {
		_, err := a.OfferImage(ctx, bad)
		require.ErrorIs(t, err, ErrImageURL, bad)
	}
}

func TestExplainOrderErrorInEveryLanguage(t *testing.T) {
	t.Cleanup(func() { _ = i18n.SetLanguage("en") })
	errs := []error{
		&NewSellerError{SellerLoginID: "广州服装批发", OfferURL: "https://detail.1688.com/offer/1.html"},
		ErrQuantityBelowMin{Min: 3},
		ErrUnknownSKU, ErrCartEmpty, ErrNoAddress, ErrOrderIDInvalid,
		ErrPlaceUnclear, ErrPendingTooRecent, ErrPendingOtherKey, ErrNotPending,
		ErrAddressNameRequired, ErrAddressStreetRequired, ErrAddressPhoneRequired,
		ErrAddressMobileInvalid, ErrAddressPhoneInvalid, &PreviewRefusal{Code: "500_002", Message: "规格不存在"},
	}
	for _, lang := range []string{"en", "ru", "zh"} {
		require.NoError(t, i18n.SetLanguage(lang))
		for _, err := range errs {
			explanation, _ := ExplainOrderError(err)
			assert.NotEmpty(t, explanation, "%s: %v", lang, err)
			assert.NotContains(t, explanation, "{{", "%s: %v", lang, err)
		}
		explanation, next := ExplainOrderError(errs[0])
		if lang != "en" {
			assert.NotContains(t, explanation+next, "website", "%s is translated", lang)
		}
		assert.Contains(t, explanation, "广州服装批发")
	}
	require.NoError(t, i18n.SetLanguage("en"))
	explanation, next := ExplainOrderError(ErrQuantityBelowMin{Min: 3})
	assert.Contains(t, explanation+next, "3")
}
