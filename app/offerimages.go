package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// Errors of OfferImage.
var (
	// ErrImageURL: the image address is not an http or https URL, so it is not fetched.
	ErrImageURL = errors.New("not an http or https image address")
	// ErrImageFetch: the image could not be downloaded (network, HTTP status, too large).
	ErrImageFetch = errors.New("the image could not be downloaded")
)

// maxOfferImageBytes bounds an image download; offer pictures are a few hundred KB.
const maxOfferImageBytes = 10 << 20

// offerImageClient fetches offer images. Its timeout keeps a stuck download from holding a
// list row's loader forever.
var offerImageClient = &http.Client{Timeout: 30 * time.Second}

// OfferImage is the image at rawURL, from the disk cache in <data>/images when it was fetched
// before, else downloaded and cached. Screens call it off the event goroutine.
func (a *App) OfferImage(ctx context.Context, rawURL string) ([]byte, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("image %q: %w", rawURL, ErrImageURL)
	}
	file := offerImagePath(a.dataDir, u.String())
	if b, err := os.ReadFile(file); err == nil {
		return b, nil
	}
	b, err := fetchOfferImage(ctx, u.String())
	if err != nil {
		return nil, err
	}
	// The cache is a convenience: an image that cannot be saved is still shown.
	_ = writeFileAtomic(file, b)
	return b, nil
}

// offerImagePath is where the image of u is cached: its SHA-256 and its extension.
func offerImagePath(dataDir, u string) string {
	sum := sha256.Sum256([]byte(u))
	ext := "img"
	if p, err := url.Parse(u); err == nil {
		switch e := strings.ToLower(strings.TrimPrefix(path.Ext(p.Path), ".")); e {
		case "jpg", "jpeg", "png", "gif", "webp":
			ext = e
		}
	}
	return filepath.Join(dataDir, "images", hex.EncodeToString(sum[:])+"."+ext)
}

func fetchOfferImage(ctx context.Context, u string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("image %q: %w", u, ErrImageURL)
	}
	resp, err := offerImageClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrImageFetch, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%w: HTTP %d", ErrImageFetch, resp.StatusCode)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxOfferImageBytes+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("%w: %w", ErrImageFetch, err)
	case len(b) > maxOfferImageBytes:
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrImageFetch, maxOfferImageBytes)
	case len(b) == 0:
		return nil, fmt.Errorf("%w: empty", ErrImageFetch)
	}
	return b, nil
}

// writeFileAtomic writes b to name through a temporary file, so a reader never sees half an image.
func writeFileAtomic(name string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".part-*")
	if err != nil {
		return err
	}
	_, werr := f.Write(b)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		_ = os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), name); err != nil {
		_ = os.Remove(f.Name())
		return err
	}
	return nil
}
