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
var PARTNER_CSV_COLUMNS = [
  "ChatUsername",
  "ChatUserID",
  "PhoneNumber"
];
var PARTNER_COLUMNS = PARTNER_CSV_COLUMNS;

export {
  CHAT_PLATFORMS,
  CSV_COLUMNS,
  METRICA_ID_COLUMNS,
  PARTNER_CSV_COLUMNS,
  PARTNER_COLUMNS
};
