#!/usr/bin/env node

// src/shared/conversion.ts
var CHAT_PLATFORMS = ["telegram", "whatsapp", "viber"];
var CSV_COLUMNS = [
  "ClientID",
  "UserID",
  "Yclid",
  "PurchaseID",
  "DateTime",
  "ChatPlatform",
  "ChatUsername",
  "ChatUserID",
  "PhoneNumber",
  "ChatAnswered",
  "Tag",
  "Price",
  "Currency",
  "URL",
  "MessengerTrackerURL"
];
var METRICA_ID_COLUMNS = ["ClientID", "UserID", "Yclid", "PurchaseID"];
var PARTNER_COLUMNS = ["ChatUsername", "ChatUserID", "PhoneNumber"];

export {
  CHAT_PLATFORMS,
  CSV_COLUMNS,
  METRICA_ID_COLUMNS,
  PARTNER_COLUMNS
};
