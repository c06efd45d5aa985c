import ArgumentParser
import DoorstepApp
import DoorstepDomain
import DoorstepStore

/// `doorstep care`: care plans (个性化服务方案) and their services, the 群众点单 → 社工站派单 →
/// 专业社工接单 loop beside tickets.
struct CareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "care", abstract: "Care plans: order, dispatch, accept, services given, reviews (个性化服务方案).",
        subcommands: [List.self, Order.self, Dispatch.self, Accept.self, AddService.self, Done.self, Review.self, Close.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List care plans by id with their services owed.")
        @OptionGroup var store: StoreOptions
        @Flag(help: "JSON: an array of {id, household, grid, group, state, social_worker, goal, review_on, review_overdue, due, missed, ticket, services}.") var json = false
        @Option(help: "Only this grid's plans.") var grid: String?
        @Flag(help: "Closed plans too.") var all = false
        @Flag(help: "Only plans with a service due now.") var due = false

        func run() throws {
            try reportingFailures { say(try store.end.carePlans(json: json, grid: grid, includeClosed: all, dueOnly: due)) }
        }
    }

    struct Order: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A resident's order for a care plan (群众点单); prints the plan's id.")
        @OptionGroup var store: StoreOptions
        @Option(help: "The household's id.") var household: String
        @Option(help: "empty_nest_elder, disability, family_in_difficulty or left_behind_child.") var group: String
        @Option(help: "What the plan is for.") var goal: String
        @Option(help: "The person cared for (default: the household's head).") var person = ""
        @Option(help: "Days until its first review.") var reviewInDays = 90
        @Option(help: "The care request ticket it grows from.") var fromTicket: String?

        func run() throws {
            try reportingFailures {
                let request = CareOrder(householdID: household, person: person, group: try parseChoice(group, as: CareGroup.self, flag: "--group"),
                                        goal: goal, reviewInDays: reviewInDays, ticketID: fromTicket)
                say(try store.end.orderCare(request))
            }
        }
    }

    struct Dispatch: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The social work station gives a plan to a professional social worker (社工站派单).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The plan's id.") var plan: String
        @Option(help: "The professional social worker's staff id.") var to: String

        func run() throws { try reportingFailures { say(try store.end.act(onPlan: plan, .dispatch(socialWorkerID: to))) } }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The social worker takes the plan (专业社工接单): its services are owed from now.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The plan's id.") var plan: String
        @Option(help: "The social worker's staff id.") var staff: String

        func run() throws { try reportingFailures { say(try store.end.act(onPlan: plan, .accept(socialWorkerID: staff), by: staff)) } }
    }

    struct AddService: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a recurring service to a plan; prints its id.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The plan's id.") var plan: String
        @Option(help: "What is given (助餐, 上门探视, 健康检查 …).") var name: String
        @Option(help: "How many times each period (1 to 31).") var times = 1
        @Option(help: "day, week or month.") var per = "week"

        func run() throws {
            try reportingFailures {
                let cadence = CareCadence(times: times, period: try parseChoice(per, as: CareCadence.Period.self, flag: "--per"))
                say(try store.end.addService(plan: plan, name: name, cadence: cadence))
            }
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a service given; prints when it is next due.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The service's id.") var service: String
        @Option(help: "The staff id who gave it.") var staff: String
        @Option(help: "What was done.") var note: String?

        func run() throws { try reportingFailures { say(try store.end.serviceDone(service, staff: staff, note: note)) } }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a plan's review and set the next one.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The plan's id.") var plan: String
        @Option(help: "Days until the next review.") var nextDays = 90

        func run() throws { try reportingFailures { say(try store.end.review(plan: plan, days: nextDays)) } }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a plan, saying why.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The plan's id.") var plan: String
        @Option(help: "Why it ends.") var reason: String

        func run() throws { try reportingFailures { say(try store.end.act(onPlan: plan, .close(reason: reason))) } }
    }
}
