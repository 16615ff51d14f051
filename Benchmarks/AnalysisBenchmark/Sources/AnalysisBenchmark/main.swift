import Analysis
import Foundation

// Usage: analysis-benchmark DATASETS.csv [SECONDS] [K]   (K: 2 or 13 alone; both by default)
//
// DATASETS.csv (written by scripts/bench/statsmodels_fits.py): `dataset,month_of_year,post,y`, one row per month.
// For each design — k = 2 (constant, post) and k = 13 (plus 11 month-of-year dummies) — fits every dataset with
// Newey–West HAC errors (L = floor(4 (n/100)^(2/9)), small-sample correction, Student-t) and takes the 95 % interval
// of the post coefficient, again and again for at least SECONDS of CPU time. Prints fits per CPU second and the
// first dataset's estimate, standard error and interval, which statsmodels must match.

struct Dataset {
    var monthOfYear: [Int] = []
    var post: [Double] = []
    var y: [Double] = []
}

func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count >= 2, let text = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: analysis-benchmark DATASETS.csv [SECONDS]\n".utf8))
    exit(2)
}
let seconds = arguments.count >= 3 ? Double(arguments[2]) ?? 2 : 2
let onlyK = arguments.count >= 4 ? Int(arguments[3]) : nil

var datasets: [Int: Dataset] = [:]
for line in text.split(separator: "\n").dropFirst() {
    let fields = line.split(separator: ",")
    guard fields.count == 4, let id = Int(fields[0]), let moy = Int(fields[1]), let post = Double(fields[2]), let y = Double(fields[3])
    else { continue }
    datasets[id, default: Dataset()].monthOfYear.append(moy)
    datasets[id, default: Dataset()].post.append(post)
    datasets[id, default: Dataset()].y.append(y)
}
let ordered = datasets.keys.sorted().map { datasets[$0]! }

for seasonal in [false, true] where onlyK == nil || onlyK == (seasonal ? 13 : 2) {
    let designs: [(y: [Double], design: Matrix, lags: Int)] = ordered.map { data in
        var columns = [[Double](repeating: 1, count: data.y.count), data.post]
        if seasonal {
            for month in 2...12 { columns.append(data.monthOfYear.map { $0 == month ? 1 : 0 }) }
        }
        return (data.y, Matrix(columns: columns), LinearModel.neweyWestLags(n: data.y.count))
    }
    var fits = 0
    var first: CoefficientInference?
    let start = cpuSeconds()
    var elapsed = 0.0
    repeat {
        for item in designs {
            let model = try LinearModel.fit(y: item.y, design: item.design, covariance: .hac(maxLags: item.lags))
            let inference = model.inference(for: 1)
            if first == nil { first = inference }
            fits += 1
        }
        elapsed = cpuSeconds() - start
    } while elapsed < seconds
    let k = designs[0].design.columnCount
    let f = first!
    print("k=\(k) n=\(designs[0].y.count) lags=\(designs[0].lags) fits=\(fits) cpu_seconds=\(String(format: "%.3f", elapsed)) "
          + "fits_per_second=\(Int(Double(fits) / elapsed)) estimate=\(f.estimate) se=\(f.standardError) low=\(f.low) high=\(f.high)")
}
