import FyndCore
import FyndPipeline
import Foundation
import Testing

/// The seed articles and the negatives, against their gold files.
@Suite struct GoldTests {
    /// The seeds, and the articles written for testing (`corpus/articles/README.md`). Relevance
    /// comes from weights fitted on labelled documents (`rules/relevance-model.yaml`): at most 2 %
    /// of the documents may be judged wrongly; every other label holds for the rest.
    @Test(arguments: ["corpus/seeds", "corpus/articles"])
    func everyDocumentFindsItsRequiredCategoriesAndNothingOutsideAllowed(_ dir: String) throws {
        let gold = try Repo.goldLabels(Repo.path(dir + "/gold.jsonl"))
        let results = Dictionary(uniqueKeysWithValues: try Repo.run([Repo.path(dir)]).compactMap(\.result).map { ($0.document.id, $0) })
        #expect(gold.count >= 3)
        var wrongRelevance: [String] = []
        for label in gold {
            let r = try #require(results[label.id], "no result for \(label.id)")
            guard r.attributes.relevant == label.relevant else {
                wrongRelevance.append(label.id)
                continue
            }
            let found = r.categoriesFound
            #expect(label.required.isSubset(of: found), "\(label.id) misses \(label.required.subtracting(found).sorted())")
            #expect(found.isSubset(of: label.required.union(label.allowed)), "\(label.id) also finds \(found.subtracting(label.required.union(label.allowed)).sorted())")
            #expect(r.attributes.municipality == label.municipality)
            #expect(Set(r.attributes.area) == Set(label.area ?? []))
            #expect(Set(r.attributes.outcome) == Set(label.outcome ?? []))
            if let published = label.published { #expect(published.contains(r.document.published ?? "none")) }
            if let deadline = label.deadline { #expect(r.attributes.deadlines.contains { $0.date?.hasSuffix(deadline) == true }) }
        }
        #expect(Double(wrongRelevance.count) <= 0.02 * Double(gold.count), "relevance wrong for \(wrongRelevance)")
    }

    @Test func evaluationOfTheSeedsIsPerfect() throws {
        var e = Evaluation()
        let gold = Dictionary(uniqueKeysWithValues: try Repo.goldLabels(Repo.path("corpus/seeds/gold.jsonl")).map { ($0.id, $0) })
        for r in try Repo.run([Repo.path("corpus/seeds")]).compactMap(\.result) {
            if let g = gold[r.document.id] { e.add(r, gold: g) }
        }
        #expect(e.documents == 3)
        #expect(e.overall.f1 == 1.0)
        #expect(e.isPerfect, "\(e.errors.map { "\($0.document) \($0.kind) \($0.detail)" })")
    }

    @Test func everyNegativeIsNotRelevant() throws {
        let dir = Repo.shared + "/corpus/negatives"
        try #require(FileManager.default.fileExists(atPath: dir), "../shared/corpus/negatives is missing")
        let results = try Repo.run([dir]).compactMap(\.result).filter { $0.document.id != "README" }
        #expect(results.count == 8)
        for r in results {
            #expect(!r.attributes.relevant, "\(r.document.id) came out relevant")
            #expect(r.categoriesFound.isEmpty)
            #expect(r.attributes.municipality.isEmpty)
        }
    }

    @Test func htmlAndTextOfTheSameArticleGiveTheSameFindings() throws {
        let text = try #require(try Repo.run([Repo.path("corpus/seeds/003_6bf3a60ec5a2bff4.txt")]).first?.result)
        let html = try #require(try Repo.run([Repo.path("corpus/html/osteraker-familjehemsplacering.html")]).first?.result)
        #expect(html.categoriesFound == text.categoriesFound)
        #expect(html.findings.map(\.rule) == text.findings.map(\.rule))
        #expect(html.findings.map(\.evidence) == text.findings.map(\.evidence))
        #expect(html.attributes.municipality == text.attributes.municipality)
        #expect(html.attributes.outcome == text.attributes.outcome)
        #expect(html.document.title == text.document.title)
        #expect(html.document.published == "2020-06-15")
        for furniture in ["kakor", "Vinterdäck", "Relaterade", "grannkommunen", "Åkersberga", "Start", "rubrik"] {
            #expect(!html.document.text.contains(furniture), "\(furniture) survived")
        }
    }

    @Test func aHeadlineOutsideTheTextStillCountsForTheOutcome() throws {
        // The page's headline ("IVO riktar kritik mot socialtjänsten i Kalix") is its title, not
        // article text; the body never says "kritik". The outcome must still be found.
        let page = try #require(try Repo.run([Repo.path("corpus/html/lokaltidning-kalix.html")]).first?.result)
        #expect(!page.document.text.contains("IVO riktar kritik"))
        #expect(page.attributes.relevant)
        #expect(page.attributes.outcome.first == "kritik")
        #expect(page.attributes.municipality == ["Kalix"])
        #expect(!page.findings.contains { $0.evidence.contains("riktar kritik") })
    }
}
