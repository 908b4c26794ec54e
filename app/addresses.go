package app

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"caigou/app/open1688"
	"caigou/storage"
)

// Address is an entry of the address book orders are delivered to.
type Address = storage.Address

// Errors of SaveAddress, which the address form translates (ExplainOrderError).
var (
	ErrAddressNameRequired   = errors.New("the receiver's full name is required")
	ErrAddressStreetRequired = errors.New("the street address is required")
	ErrAddressPhoneRequired  = errors.New("a mobile or a phone number is required")
	ErrAddressMobileInvalid  = errors.New("a mobile number is 11 digits starting with 1")
	ErrAddressPhoneInvalid   = errors.New("a phone number holds digits, spaces, dashes and a leading +")
	// ErrNoAddress: the address to order with is not in the address book (any more).
	ErrNoAddress = storage.ErrNoAddress
)

// Addresses is the address book, the default address first.
func (a *App) Addresses(ctx context.Context) ([]Address, error) {
	return a.db.Addresses(ctx)
}

// SaveAddress checks and stores an address (ID 0 adds one) and returns its id. The first
// address becomes the default.
func (a *App) SaveAddress(ctx context.Context, addr Address) (int64, error) {
	addr = trimAddress(addr)
	if err := validateAddress(addr); err != nil {
		return 0, err
	}
	return a.db.SaveAddress(ctx, addr, time.Now())
}

// DeleteAddress removes an address; when it was the default, another one becomes the default.
func (a *App) DeleteAddress(ctx context.Context, id int64) error {
	return a.db.DeleteAddress(ctx, id)
}

// SetDefaultAddress makes an address the one order entry offers first.
func (a *App) SetDefaultAddress(ctx context.Context, id int64) error {
	return a.db.SetDefaultAddress(ctx, id)
}

func trimAddress(addr Address) Address {
	for _, f := range []*string{
		&addr.Label, &addr.FullName, &addr.Mobile, &addr.Phone, &addr.PostCode, &addr.Province,
		&addr.City, &addr.Area, &addr.Town, &addr.Street, &addr.DistrictCode, &addr.AliAddressID,
	} {
		*f = strings.TrimSpace(*f)
	}
	addr.Mobile = strings.NewReplacer(" ", "", "-", "").Replace(addr.Mobile)
	addr.Mobile = strings.TrimPrefix(strings.TrimPrefix(addr.Mobile, "+86"), "0086")
	return addr
}

// validateAddress applies what 1688 needs of an addressParam: a name, a street and a way to
// call the receiver.
func validateAddress(addr Address) error {
	switch {
	case addr.FullName == "":
		return ErrAddressNameRequired
	case addr.Street == "":
		return ErrAddressStreetRequired
	case addr.Mobile == "" && addr.Phone == "":
		return ErrAddressPhoneRequired
	case addr.Mobile != "" && (len(addr.Mobile) != 11 || addr.Mobile[0] != '1' || !digitsOnly(addr.Mobile)):
		return ErrAddressMobileInvalid
	case addr.Phone != "" && !validPhone(addr.Phone):
		return ErrAddressPhoneInvalid
	}
	return nil
}

func digitsOnly(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func validPhone(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '-' || (r == '+' && i == 0):
		default:
			return false
		}
	}
	return digits >= 5
}

// orderAddress is addr as addressParam: the 1688 address book id when it has one, else the fields.
func orderAddress(addr Address) open1688.Address {
	if id, err := strconv.ParseInt(addr.AliAddressID, 10, 64); err == nil && id > 0 {
		return open1688.Address{AddressID: id}
	}
	return open1688.Address{
		FullName: addr.FullName, Mobile: addr.Mobile, Phone: addr.Phone, PostCode: addr.PostCode,
		ProvinceText: addr.Province, CityText: addr.City, AreaText: addr.Area, TownText: addr.Town,
		Address: addr.Street, DistrictCode: addr.DistrictCode,
	}
}
