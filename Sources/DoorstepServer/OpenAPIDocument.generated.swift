// Generated from openapi.json at the repository's top by a test (OpenAPITests): edit that file,
// then run `DOORSTEP_RECORD_SNAPSHOTS=1 swift test --filter OpenAPI` to bring this one in line.

enum OpenAPIDocument {
    static let json = #"""
{
  "components": {
    "schemas": {
      "GridEndError": {
        "properties": {
          "error": {
            "properties": {
              "message": {
                "type": "string"
              },
              "status": {
                "type": "integer"
              }
            },
            "type": "object"
          }
        },
        "required": [
          "error"
        ],
        "type": "object"
      },
      "Open311Errors": {
        "items": {
          "properties": {
            "code": {
              "type": "integer"
            },
            "description": {
              "type": "string"
            }
          },
          "required": [
            "code",
            "description"
          ],
          "type": "object"
        },
        "type": "array"
      },
      "Request": {
        "properties": {
          "address": {
            "nullable": true,
            "type": "string"
          },
          "address_id": {
            "nullable": true,
            "type": "string"
          },
          "agency_responsible": {
            "nullable": true,
            "type": "string"
          },
          "description": {
            "nullable": true,
            "type": "string"
          },
          "expected_datetime": {
            "nullable": true,
            "type": "string"
          },
          "lat": {
            "nullable": true,
            "type": "string"
          },
          "long": {
            "nullable": true,
            "type": "string"
          },
          "media_url": {
            "nullable": true,
            "type": "string"
          },
          "rating": {
            "description": "our extension: 评价",
            "maximum": 5,
            "minimum": 1,
            "type": "integer"
          },
          "requested_datetime": {
            "nullable": true,
            "type": "string"
          },
          "service_code": {
            "nullable": true,
            "type": "string"
          },
          "service_name": {
            "nullable": true,
            "type": "string"
          },
          "service_notice": {
            "nullable": true,
            "type": "string"
          },
          "service_request_id": {
            "nullable": true,
            "type": "string"
          },
          "status": {
            "nullable": true,
            "type": "string"
          },
          "status_notes": {
            "nullable": true,
            "type": "string"
          },
          "updated_datetime": {
            "nullable": true,
            "type": "string"
          },
          "zipcode": {
            "nullable": true,
            "type": "string"
          }
        },
        "required": [
          "service_request_id",
          "status"
        ],
        "type": "object"
      },
      "Service": {
        "properties": {
          "description": {
            "type": "string"
          },
          "group": {
            "type": "string"
          },
          "keywords": {
            "type": "string"
          },
          "metadata": {
            "type": "boolean"
          },
          "service_code": {
            "type": "string"
          },
          "service_name": {
            "type": "string"
          },
          "type": {
            "type": "string"
          }
        },
        "type": "object"
      },
      "Ticket": {
        "properties": {
          "assignee": {
            "nullable": true,
            "type": "string"
          },
          "category": {
            "nullable": true,
            "type": "string"
          },
          "created_at": {
            "nullable": true,
            "type": "string"
          },
          "grid": {
            "nullable": true,
            "type": "string"
          },
          "id": {
            "nullable": true,
            "type": "string"
          },
          "priority": {
            "nullable": true,
            "type": "string"
          },
          "resolution_note": {
            "nullable": true,
            "type": "string"
          },
          "state": {
            "nullable": true,
            "type": "string"
          },
          "state_since": {
            "nullable": true,
            "type": "string"
          },
          "title": {
            "nullable": true,
            "type": "string"
          }
        },
        "type": "object"
      }
    },
    "securitySchemes": {
      "bearer": {
        "description": "an operator's token (doorstep token issue --operator ID)",
        "scheme": "bearer",
        "type": "http"
      }
    }
  },
  "info": {
    "description": "Open311 GeoReport v2 for residents' channels under /open311/v2, and the grid end's JSON API for workers' phones under /api/v1. Bodies are UTF-8; dates ISO 8601 with an offset.",
    "title": "Doorstep (家门口) HTTP service",
    "version": "1.0.0"
  },
  "openapi": "3.0.3",
  "paths": {
    "/api/v1/calls/{id}/answer": {
      "post": {
        "parameters": [
          {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "content": {
            "application/json": {
              "schema": {
                "properties": {
                  "accept": {
                    "type": "boolean"
                  },
                  "staff": {
                    "type": "string"
                  }
                },
                "type": "object"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "id and state"
          },
          "401": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "no or bad token"
          },
          "403": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "out of scope"
          },
          "404": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "no such call"
          },
          "409": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "the call cannot be answered any more"
          }
        },
        "security": [
          {
            "bearer": []
          }
        ],
        "summary": "a call answered or declined from the phone (its acknowledgement)"
      }
    },
    "/api/v1/care/{id}/done": {
      "post": {
        "parameters": [
          {
            "description": "the care service's id",
            "in": "path",
            "name": "id",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "content": {
            "application/json": {
              "schema": {
                "properties": {
                  "note": {
                    "maxLength": 500,
                    "type": "string"
                  },
                  "staff": {
                    "type": "string"
                  }
                },
                "type": "object"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "id, name and plan of the service"
          },
          "400": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "a note too long"
          },
          "401": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "no or bad token"
          },
          "403": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "out of scope"
          },
          "404": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "no such service"
          },
          "422": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "the plan is not running"
          }
        },
        "security": [
          {
            "bearer": []
          }
        ],
        "summary": "a service of a care plan given (个性化服务)"
      }
    },
    "/api/v1/duty": {
      "post": {
        "requestBody": {
          "content": {
            "application/json": {
              "schema": {
                "properties": {
                  "staff": {
                    "type": "string"
                  },
                  "state": {
                    "enum": [
                      "on",
                      "busy",
                      "visit",
                      "off"
                    ],
                    "type": "string"
                  }
                },
                "required": [
                  "state"
                ],
                "type": "object"
              }
            }
          },
          "required": true
        },
        "responses": {
          "200": {
            "description": "staff and state"
          },
          "400": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "not a duty state"
          },
          "401": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "no or bad token"
          },
          "403": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "out of scope"
          }
        },
        "security": [
          {
            "bearer": []
          }
        ],
        "summary": "duty set (在岗 / 忙碌 / 走访中 / 离岗)"
      }
    },
    "/api/v1/me": {
      "get": {
        "responses": {
          "200": {
            "description": "id, name, role, scope, staff"
          },
          "401": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "no or bad token"
          }
        },
        "security": [
          {
            "bearer": []
          }
        ],
        "summary": "the token's operator"
      }
    },
    "/api/v1/tickets": {
      "get": {
        "responses": {
          "200": {
            "content": {
              "application/json": {
                "schema": {
                  "items": {
                    "$ref": "#/components/schemas/Ticket"
                  },
                  "type": "array"
                }
              }
            },
            "description": "tickets"
          },
          "401": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "no or bad token"
          }
        },
        "security": [
          {
            "bearer": []
          }
        ],
        "summary": "the open tickets of the operator's grids"
      }
    },
    "/api/v1/tickets/{id}/{action}": {
      "post": {
        "parameters": [
          {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "in": "path",
            "name": "action",
            "required": true,
            "schema": {
              "enum": [
                "dispatch",
                "accept",
                "resolve",
                "escalate"
              ],
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "content": {
            "application/json": {
              "schema": {
                "properties": {
                  "assignee": {
                    "type": "string"
                  },
                  "grid": {
                    "type": "string"
                  },
                  "note": {
                    "maxLength": 500,
                    "type": "string"
                  },
                  "staff": {
                    "type": "string"
                  }
                },
                "type": "object"
              }
            }
          }
        },
        "responses": {
          "200": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Ticket"
                }
              }
            },
            "description": "the ticket after"
          },
          "400": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "a missing field"
          },
          "401": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "no or bad token"
          },
          "403": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "outside the operator's role or scope"
          },
          "404": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "no such ticket or action"
          },
          "409": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "someone got there first (named)"
          },
          "415": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "not JSON"
          },
          "422": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "a move the ticket's state does not allow"
          }
        },
        "security": [
          {
            "bearer": []
          }
        ],
        "summary": "派单 / 接单 / 办结 / 上交"
      }
    },
    "/api/v1/visits": {
      "post": {
        "requestBody": {
          "content": {
            "application/json": {
              "schema": {
                "properties": {
                  "household": {
                    "type": "string"
                  },
                  "staff": {
                    "type": "string"
                  }
                },
                "required": [
                  "household"
                ],
                "type": "object"
              }
            }
          },
          "required": true
        },
        "responses": {
          "201": {
            "description": "the visit"
          },
          "400": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "no household"
          },
          "401": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "no or bad token"
          },
          "403": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "out of scope"
          },
          "404": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GridEndError"
                }
              }
            },
            "description": "no such household"
          }
        },
        "security": [
          {
            "bearer": []
          }
        ],
        "summary": "a must-visit (六必访) logged"
      }
    },
    "/healthz": {
      "get": {
        "responses": {
          "200": {
            "description": "ok"
          },
          "503": {
            "description": "the store is unavailable"
          }
        },
        "summary": "the store answers"
      }
    },
    "/metrics": {
      "get": {
        "responses": {
          "200": {
            "description": "the exposition text"
          }
        },
        "summary": "Prometheus metrics"
      }
    },
    "/open311/v2/discovery.{format}": {
      "get": {
        "parameters": [
          {
            "description": "json or xml (the spec's XML)",
            "in": "path",
            "name": "format",
            "required": true,
            "schema": {
              "enum": [
                "json",
                "xml"
              ],
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "discovery"
          }
        },
        "summary": "where the service is and what it speaks"
      }
    },
    "/open311/v2/requests.{format}": {
      "get": {
        "parameters": [
          {
            "description": "json or xml (the spec's XML)",
            "in": "path",
            "name": "format",
            "required": true,
            "schema": {
              "enum": [
                "json",
                "xml"
              ],
              "type": "string"
            }
          },
          {
            "description": "the street's code; another is 404",
            "in": "query",
            "name": "jurisdiction_id",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "in": "query",
            "name": "service_request_id",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "in": "query",
            "name": "service_code",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "in": "query",
            "name": "start_date",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "in": "query",
            "name": "end_date",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "in": "query",
            "name": "status",
            "required": false,
            "schema": {
              "enum": [
                "open",
                "closed"
              ],
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "content": {
              "application/json": {
                "schema": {
                  "items": {
                    "$ref": "#/components/schemas/Request"
                  },
                  "type": "array"
                }
              },
              "text/xml": {}
            },
            "description": "requests"
          },
          "400": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Open311Errors"
                }
              },
              "text/xml": {}
            },
            "description": "a filter that is not valid"
          },
          "404": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Open311Errors"
                }
              },
              "text/xml": {}
            },
            "description": "another jurisdiction"
          }
        },
        "summary": "requests, filtered"
      },
      "post": {
        "parameters": [
          {
            "description": "json or xml (the spec's XML)",
            "in": "path",
            "name": "format",
            "required": true,
            "schema": {
              "enum": [
                "json",
                "xml"
              ],
              "type": "string"
            }
          },
          {
            "description": "a retry with the same key returns the first request (200)",
            "in": "header",
            "name": "Idempotency-Key",
            "required": false,
            "schema": {
              "maxLength": 200,
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "content": {
            "application/x-www-form-urlencoded": {
              "schema": {
                "properties": {
                  "address_id": {
                    "maxLength": 200,
                    "type": "string"
                  },
                  "address_string": {
                    "description": "a building's or grid's code or name",
                    "maxLength": 200,
                    "type": "string"
                  },
                  "api_key": {
                    "description": "the channel's key (doorstep key issue --channel NAME)",
                    "type": "string"
                  },
                  "attribute[building]": {
                    "maxLength": 200,
                    "type": "string"
                  },
                  "attribute[priority]": {
                    "enum": [
                      "low",
                      "normal",
                      "high",
                      "urgent"
                    ],
                    "type": "string"
                  },
                  "description": {
                    "maxLength": 2000,
                    "type": "string"
                  },
                  "first_name": {
                    "type": "string"
                  },
                  "jurisdiction_id": {
                    "type": "string"
                  },
                  "last_name": {
                    "type": "string"
                  },
                  "phone": {
                    "maxLength": 30,
                    "type": "string"
                  },
                  "service_code": {
                    "type": "string"
                  }
                },
                "required": [
                  "api_key",
                  "service_code"
                ],
                "type": "object"
              }
            }
          },
          "required": true
        },
        "responses": {
          "200": {
            "description": "a retry: the first request"
          },
          "201": {
            "description": "accepted: [{service_request_id, service_notice, account_id}]"
          },
          "400": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Open311Errors"
                }
              },
              "text/xml": {}
            },
            "description": "a missing or bad field, named"
          },
          "403": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Open311Errors"
                }
              },
              "text/xml": {}
            },
            "description": "a missing, unknown or revoked key"
          },
          "404": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Open311Errors"
                }
              },
              "text/xml": {}
            },
            "description": "another jurisdiction"
          },
          "413": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Open311Errors"
                }
              },
              "text/xml": {}
            },
            "description": "a body over 16 KB"
          },
          "415": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Open311Errors"
                }
              },
              "text/xml": {}
            },
            "description": "not form-encoded"
          },
          "429": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Open311Errors"
                }
              },
              "text/xml": {}
            },
            "description": "over the key's rate (Retry-After)"
          }
        },
        "summary": "a resident's request (点单)"
      }
    },
    "/open311/v2/requests/{service_request_id}.{format}": {
      "get": {
        "parameters": [
          {
            "in": "path",
            "name": "service_request_id",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "description": "json or xml (the spec's XML)",
            "in": "path",
            "name": "format",
            "required": true,
            "schema": {
              "enum": [
                "json",
                "xml"
              ],
              "type": "string"
            }
          },
          {
            "description": "the street's code; another is 404",
            "in": "query",
            "name": "jurisdiction_id",
            "required": false,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "[the request]"
          },
          "404": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Open311Errors"
                }
              },
              "text/xml": {}
            },
            "description": "no such request"
          }
        },
        "summary": "one request"
      }
    },
    "/open311/v2/requests/{service_request_id}/rating.{format}": {
      "post": {
        "parameters": [
          {
            "in": "path",
            "name": "service_request_id",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "description": "json or xml (the spec's XML)",
            "in": "path",
            "name": "format",
            "required": true,
            "schema": {
              "enum": [
                "json",
                "xml"
              ],
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "content": {
            "application/x-www-form-urlencoded": {
              "schema": {
                "properties": {
                  "api_key": {
                    "type": "string"
                  },
                  "score": {
                    "maximum": 5,
                    "minimum": 1,
                    "type": "integer"
                  }
                },
                "required": [
                  "api_key",
                  "score"
                ],
                "type": "object"
              }
            }
          },
          "required": true
        },
        "responses": {
          "200": {
            "description": "[the request, with rating]"
          },
          "400": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Open311Errors"
                }
              },
              "text/xml": {}
            },
            "description": "a score outside 1-5"
          },
          "403": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Open311Errors"
                }
              },
              "text/xml": {}
            },
            "description": "another channel's request, or a bad key"
          },
          "404": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Open311Errors"
                }
              },
              "text/xml": {}
            },
            "description": "no such request"
          },
          "409": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Open311Errors"
                }
              },
              "text/xml": {}
            },
            "description": "not resolved yet, or rated already"
          },
          "429": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Open311Errors"
                }
              },
              "text/xml": {}
            },
            "description": "over the key's rate"
          }
        },
        "summary": "评价 (our extension): the posting channel rates a resolved request"
      }
    },
    "/open311/v2/services.{format}": {
      "get": {
        "parameters": [
          {
            "description": "json or xml (the spec's XML)",
            "in": "path",
            "name": "format",
            "required": true,
            "schema": {
              "enum": [
                "json",
                "xml"
              ],
              "type": "string"
            }
          },
          {
            "description": "the street's code; another is 404",
            "in": "query",
            "name": "jurisdiction_id",
            "required": false,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "content": {
              "application/json": {
                "schema": {
                  "items": {
                    "$ref": "#/components/schemas/Service"
                  },
                  "type": "array"
                }
              },
              "text/xml": {}
            },
            "description": "services"
          }
        },
        "summary": "the services (the data set's categories)"
      }
    },
    "/open311/v2/services/{service_code}.{format}": {
      "get": {
        "parameters": [
          {
            "in": "path",
            "name": "service_code",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "description": "json or xml (the spec's XML)",
            "in": "path",
            "name": "format",
            "required": true,
            "schema": {
              "enum": [
                "json",
                "xml"
              ],
              "type": "string"
            }
          },
          {
            "description": "the street's code; another is 404",
            "in": "query",
            "name": "jurisdiction_id",
            "required": false,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "the definition"
          },
          "404": {
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Open311Errors"
                }
              },
              "text/xml": {}
            },
            "description": "no such service"
          }
        },
        "summary": "a service's definition: its attributes"
      }
    },
    "/openapi.json": {
      "get": {
        "responses": {
          "200": {
            "description": "OpenAPI 3"
          }
        },
        "summary": "this document"
      }
    }
  },
  "servers": [
    {
      "url": "http://127.0.0.1:8311"
    }
  ]
}

"""#
}
