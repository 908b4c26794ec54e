package app

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// settingSellerMessages keeps the messages to the sellers of the cart, as JSON, so that a message
// typed before a crash or a restart is still there when the cart is placed.
const settingSellerMessages = "cart.seller_messages"

// SellerMessages are the messages to the sellers of the cart, by seller member id.
func (a *App) SellerMessages(ctx context.Context) (map[string]string, error) {
	js, ok, err := a.db.Setting(ctx, settingSellerMessages)
	messages := map[string]string{}
	if err != nil || !ok {
		return messages, err
	}
	if err := json.Unmarshal([]byte(js), &messages); err != nil {
		return map[string]string{}, fmt.Errorf("read the messages to the sellers: %w", err)
	}
	return messages, nil
}

// SetSellerMessage keeps the message to seller sellerMemberID; an empty one removes it.
func (a *App) SetSellerMessage(ctx context.Context, sellerMemberID, message string) error {
	messages, err := a.SellerMessages(ctx)
	if err != nil {
		return err
	}
	if message = strings.TrimSpace(message); message == "" {
		delete(messages, sellerMemberID)
	} else {
		messages[sellerMemberID] = message
	}
	js, err := json.Marshal(messages)
	if err != nil {
		return err
	}
	return a.db.SetSetting(ctx, settingSellerMessages, string(js))
}
