import Engine
import Testing
import TestSupport

@Suite struct ScheduleTests {
    @Test func constantStepExponential() {
        #expect(LearningRateSchedule.constant.rate(base: 0.1, epoch: 9, step: 500, totalSteps: 1000) == 0.1)
        let step = LearningRateSchedule.step(everyEpochs: 2, factor: 0.5)
        #expect(
            [1, 2, 3, 4, 5].map { step.rate(base: 1, epoch: $0, step: 0, totalSteps: 10) } == [1, 1, 0.5, 0.5, 0.25])
        let exponential = LearningRateSchedule.exponential(factor: 0.98)
        #expect(exponential.rate(base: 1e-3, epoch: 1, step: 0, totalSteps: 10) == 1e-3)
        #expect(
            isClose(
                exponential.rate(base: 1e-3, epoch: 3, step: 0, totalSteps: 10), 1e-3 * 0.98 * 0.98, absolute: 1e-15))
    }

    @Test func cosineRunsFromBaseToMinimumOverTheSteps() {
        let cosine = LearningRateSchedule.cosine(minimum: 0.01)
        #expect(cosine.rate(base: 1, epoch: 1, step: 0, totalSteps: 101) == 1)
        #expect(isClose(cosine.rate(base: 1, epoch: 1, step: 50, totalSteps: 101), 0.505, absolute: 1e-12))
        #expect(isClose(cosine.rate(base: 1, epoch: 1, step: 100, totalSteps: 101), 0.01, absolute: 1e-12))
        // Past the planned steps it stays at the minimum instead of rising again.
        #expect(isClose(cosine.rate(base: 1, epoch: 1, step: 500, totalSteps: 101), 0.01, absolute: 1e-12))
    }
}
