// What the store throws when the database refuses an operation, whatever the database library:
// the layers above catch these, never a library's own exceptions. what() is the whole message
// after "ledger: error: ": the store's own words, or "database: " and the database's.
#pragma once

#include <stdexcept>
#include <string>

namespace ledger {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A row repeats the key of a unique index (e.g. a second first entry for one half-day).
class DuplicateEntry : public StoreError {
 public:
  using StoreError::StoreError;
};

// Any other constraint: a foreign key, a NOT NULL, a CHECK, an append-only trigger.
class ConstraintViolation : public StoreError {
 public:
  using StoreError::StoreError;
};

// Another connection holds the lock longer than the busy timeout.
class Busy : public StoreError {
 public:
  using StoreError::StoreError;
};

// The disk is full or a file size limit was reached.
class StorageFull : public StoreError {
 public:
  using StoreError::StoreError;
};

// The file or its directory may not be written.
class ReadOnly : public StoreError {
 public:
  using StoreError::StoreError;
};

// A SIGINT or SIGTERM stopped a write, which was rolled back: nothing of it was recorded.
class Interrupted : public StoreError {
 public:
  Interrupted(int signal, const std::string& message) : StoreError(message), signal_(signal) {}
  int signal() const { return signal_; }

 private:
  int signal_;
};

}  // namespace ledger
